using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// Every answer carries the browser-facing security headers, the errors of the exception handler
/// and JwtBearer's 401 included; what may be cached says so, everything else is no-store.
/// </summary>
public class SecurityHeadersTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private UserClient _user = null!;
    private int _personaId;

    [SetUp]
    public async Task CreateUser()
    {
        _user = await App.CreateUserAsync("headers");
        _personaId = await _user.CreatePersonaAsync();
    }

    /// <summary>Each request a browser might make, by the answer it gets.</summary>
    private async Task<HttpResponseMessage> SendAsync(string answer)
    {
        var anonymous = App.CreateClient();
        switch (answer)
        {
            case "200 health":
                return await anonymous.GetAsync("/health");
            case "200 token":
                return await anonymous.PostAsJsonAsync("/auth/login", new { email = _user.Email, password = TestApp.Password });
            case "200 signed-in json":
                return await _user.Http.GetAsync($"/personas/{_personaId}");
            case "400 validation":
                return await _user.Http.PostAsJsonAsync("/personas/", new { name = string.Empty });
            case "400 malformed json":
                return await Json.SendRawAsync(_user.Http, HttpMethod.Post, "/personas/", "{\"name\": ");
            case "401 no token":
                return await anonymous.GetAsync("/auth/me");
            case "401 bad token":
                anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-jwt");
                return await anonymous.GetAsync("/auth/me");
            case "401 wrong password":
                return await anonymous.PostAsJsonAsync("/auth/login", new { email = _user.Email, password = "wrong-password-here" });
            case "404 not found":
                return await _user.Http.GetAsync("/personas/999999");
            case "404 no route":
                return await _user.Http.GetAsync("/no-such-route");
            case "405 method":
                return await _user.Http.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/personas/{_personaId}"));
            case "409 conflict":
                return await anonymous.PostAsJsonAsync("/auth/register", new
                {
                    email = _user.Email, username = _user.Username, password = TestApp.Password, full_name = "Again",
                });
            case "413 too large":
                return await _user.UploadVideoAsync(_personaId, Payloads.Mp4(Payloads.Limit + 1));
            case "415 content type":
                return await Json.SendRawAsync(_user.Http, HttpMethod.Post, "/personas/", "name=P", "text/plain");
            default:
                throw new ArgumentOutOfRangeException(nameof(answer), answer, null);
        }
    }

    [TestCase("200 health")]
    [TestCase("200 token")]
    [TestCase("200 signed-in json")]
    [TestCase("400 validation")]
    [TestCase("400 malformed json")]
    [TestCase("401 no token")]
    [TestCase("401 bad token")]
    [TestCase("401 wrong password")]
    [TestCase("404 not found")]
    [TestCase("404 no route")]
    [TestCase("405 method")]
    [TestCase("409 conflict")]
    [TestCase("415 content type")]
    public async Task Every_answer_carries_the_security_headers_and_is_not_stored(string answer)
    {
        using var response = await SendAsync(answer);

        Assert.That((int)response.StatusCode, Is.EqualTo(int.Parse(answer[..3], System.Globalization.CultureInfo.InvariantCulture)),
            await response.Content.ReadAsStringAsync());
        AssertSecurityHeaders(response);
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Test]
    public async Task An_unexpected_failure_carries_the_security_headers()
    {
        await using var failing = App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<IPersonaRepository>(_ => throw new InvalidOperationException("the database is gone"))));
        var client = failing.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(_user));

        using var response = await client.GetAsync("/personas/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        AssertSecurityHeaders(response);
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task A_download_and_its_refusals_carry_the_security_headers()
    {
        var file = await _user.UploadImageAsync(_personaId, Payloads.Jpeg(2000), "photo.jpg").UploadOkAsync();
        var url = $"/upload/files/{file.GetProperty("id").GetInt32()}/download";
        using var unsatisfiable = new HttpRequestMessage(HttpMethod.Get, url);
        unsatisfiable.Headers.Range = new RangeHeaderValue(5000, null);

        using var download = await _user.Http.GetAsync(url);
        using var head = await _user.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        using var refused = await _user.Http.SendAsync(unsatisfiable);
        using var notFound = await _user.Http.GetAsync("/upload/files/999999/download");

        Assert.Multiple(() =>
        {
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.RequestedRangeNotSatisfiable));
            Assert.That(notFound.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
        foreach (var response in new[] { download, head, refused, notFound })
        {
            AssertSecurityHeaders(response);
        }

        Assert.Multiple(() =>
        {
            Assert.That(download.Headers.CacheControl?.ToString(), Is.EqualTo("private"));
            Assert.That(head.Headers.CacheControl?.ToString(), Is.EqualTo("private"));
            Assert.That(notFound.Headers.CacheControl?.NoStore, Is.True);
        });
    }

    [Test]
    public async Task The_upload_refused_on_its_length_carries_the_security_headers()
    {
        using var response = await SendAsync("413 too large");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        AssertSecurityHeaders(response);
    }

    [Test]
    public async Task Hsts_follows_its_settings()
    {
        await using var off = App.WithWebHostBuilder(builder => builder.UseSetting("SecurityHeaders:HstsMaxAgeSeconds", "0"));
        await using var subdomains = App.WithWebHostBuilder(builder => builder
            .UseSetting("SecurityHeaders:HstsMaxAgeSeconds", "600")
            .UseSetting("SecurityHeaders:HstsIncludeSubDomains", "true"));

        using var withoutHsts = await off.CreateClient().GetAsync("/health");
        using var withSubdomains = await subdomains.CreateClient().GetAsync("/health");

        Assert.Multiple(() =>
        {
            Assert.That(withoutHsts.Headers.Contains("Strict-Transport-Security"), Is.False);
            Assert.That(Header(withSubdomains, "Strict-Transport-Security"), Is.EqualTo("max-age=600; includeSubDomains"));
        });
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var what = $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}";
        Assert.Multiple(() =>
        {
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"), what);
            Assert.That(Header(response, "Referrer-Policy"), Is.EqualTo("no-referrer"), what);
            Assert.That(Header(response, "X-Frame-Options"), Is.EqualTo("DENY"), what);
            Assert.That(Header(response, "Content-Security-Policy"), Is.EqualTo("frame-ancestors 'none'"), what);
            Assert.That(Header(response, "Strict-Transport-Security"), Is.EqualTo("max-age=63072000"), what);
            Assert.That(Header(response, "Server"), Is.Null, what);
        });
    }

    internal static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}

/// <summary>Development is served over plain HTTP on localhost: no HSTS, which would pin the browser to HTTPS there.</summary>
public class SecurityHeadersStartupTests
{
    [Test]
    public async Task Development_sends_no_hsts_but_the_other_headers()
    {
        var contentRoot = Directory.CreateTempSubdirectory("personamedia-headers-").FullName;
        await using var app = new HostedApp("Development", contentRoot);

        using var response = await app.CreateClient().GetAsync("/health");

        Assert.Multiple(() =>
        {
            Assert.That(SecurityHeadersTests.Header(response, "Strict-Transport-Security"), Is.Null);
            Assert.That(SecurityHeadersTests.Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
            Assert.That(SecurityHeadersTests.Header(response, "Referrer-Policy"), Is.EqualTo("no-referrer"));
        });
    }

    [Test]
    public async Task A_negative_hsts_max_age_stops_the_start_and_names_the_setting()
    {
        var contentRoot = Directory.CreateTempSubdirectory("personamedia-headers-").FullName;
        await using var app = new HostedApp("Production", contentRoot, new Dictionary<string, string?>
        {
            ["Jwt:SigningKey"] = new string('k', 32),
            ["Media:UrlSigningKeys:0"] = TestApp.UrlSigningKey,
            ["SecurityHeaders:HstsMaxAgeSeconds"] = "-1",
        });

        var failure = app.TryStart();

        Assert.That(failure, Is.Not.Null, "the service started");
        var messages = new StringBuilder();
        for (var e = failure; e is not null; e = e.InnerException)
        {
            messages.Append(e.Message).Append(" | ");
        }

        Assert.That(messages.ToString(), Does.Contain("SecurityHeaders:HstsMaxAgeSeconds -1").And.Contain("SecurityHeaders__HstsMaxAgeSeconds"));
    }
}

/// <summary>Only a real server writes a Server header; Kestrel is told not to.</summary>
[NonParallelizable]
public class SecurityHeadersOverKestrelTests
{
    [Test]
    public async Task Kestrel_sends_no_server_header()
    {
        await using var app = new TestApp();
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        using var health = await http.GetAsync("/health");
        using var unauthorized = await http.GetAsync("/auth/me");

        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(unauthorized.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        SecurityHeadersTests.AssertSecurityHeaders(health);
        SecurityHeadersTests.AssertSecurityHeaders(unauthorized);
    }
}
