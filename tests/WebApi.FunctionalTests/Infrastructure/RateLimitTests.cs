using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// The rate limits on a real Kestrel socket (the client address is the connection's): sign-in per
/// address, signed-in endpoints per user, a proxy's X-Forwarded-For believed only when the proxy is
/// configured. Each test signs in from an address of its own (through the configured loopback
/// proxy), so the tests do not share a window.
/// </summary>
public class RateLimitTests
{
    private const int SignInLimit = 3;
    private const int UserLimit = 5;
    private static int _nextAddress;

    private TestApp _app = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public void StartKestrel()
    {
        (_app, _http) = StartOverKestrel(new Dictionary<string, string?>
        {
            ["RateLimiting:SignIn:PermitLimit"] = $"{SignInLimit}",
            ["RateLimiting:User:PermitLimit"] = $"{UserLimit}",
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["RateLimiting:Uploads:MaxConcurrent"] = "1",
            ["RateLimiting:Uploads:QueueLimit"] = "0",
        });
    }

    [OneTimeTearDown]
    public async Task StopKestrel()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task Sign_in_past_the_limit_of_one_address_is_429_problem_json_with_retry_after()
    {
        var address = NewAddress();
        for (var i = 0; i < SignInLimit; i++)
        {
            using var allowed = await LoginAsync(_http, address);
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a wrong password, within the limit");
        }

        using var refused = await LoginAsync(_http, address);

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "Too many requests");
        Assert.That(refused.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 60));
    }

    [Test]
    public async Task Registering_counts_towards_the_same_limit_as_signing_in()
    {
        var address = NewAddress();
        for (var i = 0; i < SignInLimit; i++)
        {
            (await LoginAsync(_http, address)).Dispose();
        }

        using var register = await SendAsync(_http, HttpMethod.Post, "/auth/register", address, new
        {
            email = $"late{Guid.NewGuid():N}@example.com",
            username = $"late{Guid.NewGuid():N}"[..20],
            password = TestApp.Password,
        });

        Assert.That(register.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task Another_address_has_a_window_of_its_own()
    {
        var busy = NewAddress();
        for (var i = 0; i <= SignInLimit; i++)
        {
            (await LoginAsync(_http, busy)).Dispose();
        }

        using var other = await LoginAsync(_http, NewAddress());

        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_signed_in_user_past_the_limit_is_429_and_another_user_is_not()
    {
        var (first, second) = (await RegisterAsync(), await RegisterAsync());
        for (var i = 0; i < UserLimit; i++)
        {
            using var allowed = await SendAsync(_http, HttpMethod.Get, "/auth/me", NewAddress(), token: first);
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        // From a new address each time: the user, not the address, is what is counted.
        using var refused = await SendAsync(_http, HttpMethod.Get, "/personas/", NewAddress(), token: first);
        using var other = await SendAsync(_http, HttpMethod.Get, "/auth/me", NewAddress(), token: second);

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.Not.Null);
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Health_is_never_limited()
    {
        for (var i = 0; i < UserLimit + SignInLimit + 5; i++)
        {
            using var health = await _http.GetAsync("/health");
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Without_a_configured_proxy_x_forwarded_for_is_ignored()
    {
        var (app, http) = StartOverKestrel(new Dictionary<string, string?> { ["RateLimiting:SignIn:PermitLimit"] = $"{SignInLimit}" });
        await using var _ = app;
        using var __ = http;

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= SignInLimit; i++)
        {
            // A different claimed client each time, from loopback, which nobody configured as a proxy.
            using var response = await LoginAsync(http, NewAddress());
            answers.Add(response.StatusCode);
        }

        Assert.That(answers[^1], Is.EqualTo(HttpStatusCode.TooManyRequests), string.Join(", ", answers));
    }

    [Test]
    public async Task Uploads_past_the_concurrency_bound_are_429_while_the_bound_is_taken()
    {
        var token = await RegisterAsync();
        using var persona = await SendAsync(_http, HttpMethod.Post, "/personas/", NewAddress(), new { name = "p" }, token);
        var personaId = (await persona.JsonAsync()).GetProperty("id").GetInt32();
        var release = new TaskCompletionSource();

        // The first upload's body stops half-way, holding the one permit while it waits.
        var held = UploadAsync(token, personaId, release.Task);
        await Task.Delay(TimeSpan.FromSeconds(1));
        using var counter = new RateLimitedUploads();
        using var refused = await UploadAsync(token, personaId, Task.CompletedTask);
        var counted = counter.Count;
        release.SetResult();
        using var first = await held;
        using var after = await UploadAsync(token, personaId, Task.CompletedTask);

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
        Assert.That(counted, Is.EqualTo(1), "the limiter's refusal is counted by personamedia.uploads (refused, rate_limited)");
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK), await after.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> UploadAsync(string token, int personaId, Task release)
    {
        using var form = Uploads.Form(FormPart.File(Payloads.Jpeg(64 * 1024), "a.jpg", "image/jpeg"));
        var body = await form.ReadAsByteArrayAsync();
        var content = new PausedContent(body, release);
        content.Headers.ContentType = form.Headers.ContentType;
        var request = new HttpRequestMessage(HttpMethod.Post, Uploads.ImageUrl(personaId)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _http.SendAsync(request);
    }

    /// <summary>Sends the first half of the body, then the rest once <c>release</c> completes.</summary>
    private sealed class PausedContent(byte[] body, Task release) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(body.AsMemory(0, body.Length / 2));
            await stream.FlushAsync();
            await release;
            await stream.WriteAsync(body.AsMemory(body.Length / 2));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }

    private static (TestApp App, HttpClient Http) StartOverKestrel(Dictionary<string, string?> settings)
    {
        var app = new TestApp(settings);
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }

    private static string NewAddress() => $"198.51.100.{Interlocked.Increment(ref _nextAddress) % 250 + 1}";

    private async Task<string> RegisterAsync()
    {
        var name = "rl" + Guid.NewGuid().ToString("N")[..12];
        using var response = await SendAsync(_http, HttpMethod.Post, "/auth/register", NewAddress(), new
        {
            email = $"{name}@example.com",
            username = name,
            password = TestApp.Password,
        });
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("access_token").GetString()!;
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient http, string address) =>
        SendAsync(http, HttpMethod.Post, "/auth/login", address, new { email = "nobody@example.com", password = "wrong-password" });

    private static Task<HttpResponseMessage> SendAsync(
        HttpClient http, HttpMethod method, string path, string forwardedFor, object? body = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http.SendAsync(request);
    }
}
