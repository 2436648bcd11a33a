using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// <c>RateLimiting:AccountSignIn</c> on a real Kestrel socket, each client address given through the
/// configured loopback proxy: failures of one account from one address hold that address back, right
/// password or not; the owner signs in from elsewhere; only failures past the account's own limit, from
/// several addresses, hold the account back for everyone.
/// </summary>
public class AccountSignInLimitTests
{
    private const int PerAddress = 3;
    private const int PerAccount = 6;
    private static int _nextAddress;

    private TestApp _app = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public void StartKestrel()
    {
        _app = new TestApp(new Dictionary<string, string?>
        {
            ["RateLimiting:AccountSignIn:FailuresPerAddress"] = $"{PerAddress}",
            ["RateLimiting:AccountSignIn:FailuresPerAccount"] = $"{PerAccount}",
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        });
        _app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    [OneTimeTearDown]
    public async Task StopKestrel()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task Past_the_failures_of_one_address_even_the_right_password_is_429_there()
    {
        var victim = await RegisterAsync();
        var attacker = NewAddress();
        for (var i = 0; i < PerAddress; i++)
        {
            Assert.That(await LoginAsync(victim, "wrong-password", attacker), Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        using var held = await SendLoginAsync(victim, TestApp.Password, attacker);

        await held.AssertProblemAsync(HttpStatusCode.TooManyRequests, "Too many failed sign-ins to this account");
        Assert.That(held.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 900));
    }

    [Test]
    public async Task The_owner_signs_in_from_another_address_while_the_attacker_is_held_back()
    {
        var victim = await RegisterAsync();
        var attacker = NewAddress();
        for (var i = 0; i <= PerAddress; i++)
        {
            await LoginAsync(victim, "wrong-password", attacker);
        }

        Assert.That(await LoginAsync(victim, TestApp.Password, NewAddress()), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Another_account_is_not_held_back_at_the_held_back_address()
    {
        var (victim, other) = (await RegisterAsync(), await RegisterAsync());
        var address = NewAddress();
        for (var i = 0; i < PerAddress; i++)
        {
            await LoginAsync(victim, "wrong-password", address);
        }

        Assert.That(await LoginAsync(other, TestApp.Password, address), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Only_failures_past_the_account_limit_from_several_addresses_hold_the_account_back_for_everyone()
    {
        var victim = await RegisterAsync();
        for (var i = 0; i < PerAccount - 1; i++)
        {
            // Spread over addresses, none of which reaches its own limit.
            Assert.That(await LoginAsync(victim, "wrong-password", NewAddress()), Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        Assert.That(await LoginAsync(victim, TestApp.Password, NewAddress()), Is.EqualTo(HttpStatusCode.OK), "one short of the account limit");
        await LoginAsync(victim, "wrong-password", NewAddress());

        Assert.That(await LoginAsync(victim, TestApp.Password, NewAddress()), Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task An_unknown_account_is_held_back_like_a_known_one()
    {
        var nobody = $"nobody{Guid.NewGuid():N}@example.com";
        var address = NewAddress();
        for (var i = 0; i < PerAddress; i++)
        {
            Assert.That(await LoginAsync(nobody, "wrong-password", address), Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        Assert.That(await LoginAsync(nobody, "wrong-password", address), Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task The_account_is_the_normalised_email_so_its_case_does_not_give_more_tries()
    {
        var victim = await RegisterAsync();
        var address = NewAddress();
        for (var i = 0; i < PerAddress; i++)
        {
            await LoginAsync(i % 2 == 0 ? victim.ToUpperInvariant() : victim, "wrong-password", address);
        }

        Assert.That(await LoginAsync(victim.ToUpperInvariant(), TestApp.Password, address), Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    private async Task<string> RegisterAsync()
    {
        var name = "acct" + Guid.NewGuid().ToString("N")[..12];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/register")
        {
            Content = JsonContent.Create(new { email = $"{name}@example.com", username = name, password = TestApp.Password }),
        };
        request.Headers.Add("X-Forwarded-For", NewAddress());
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return $"{name}@example.com";
    }

    private async Task<HttpStatusCode> LoginAsync(string email, string password, string address)
    {
        using var response = await SendLoginAsync(email, password, address);
        return response.StatusCode;
    }

    private Task<HttpResponseMessage> SendLoginAsync(string email, string password, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/auth/login") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.Add("X-Forwarded-For", address);
        return _http.SendAsync(request);
    }

    private static string NewAddress() => $"203.0.113.{Interlocked.Increment(ref _nextAddress) % 250 + 1}";
}
