using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Auth;

/// <summary>Every protected endpoint answers a bad or missing token with 401, a Bearer challenge and problem+json.</summary>
public class TokenValidationTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private static readonly string[] ProtectedPaths = ["/auth/me", "/personas/"];

    private UserClient _user = null!;

    [SetUp]
    public async Task CreateUser() => _user = await App.CreateUserAsync("tokenholder");

    private string Subject => _user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string Stamp => Tokens.SecurityStampOf(_user.Token);

    private async Task<HttpResponseMessage> GetAsync(string path, string? token, string scheme = "Bearer")
    {
        var client = App.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, token);
        }

        return await client.GetAsync(path);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string expectedDetail, bool tokenWasSent = true)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        var challenge = response.Headers.WwwAuthenticate.Single();
        Assert.Multiple(() =>
        {
            Assert.That(challenge.Scheme, Is.EqualTo("Bearer"));
            // RFC 6750 §3.1: a token that was sent but is not valid is "invalid_token"; no token, no error code.
            Assert.That(challenge.Parameter, tokenWasSent ? Is.EqualTo("error=\"invalid_token\"") : Is.Null);
            Assert.That(ProblemAssert.Detail(problem), Is.EqualTo(expectedDetail));
        });
    }

    [Test]
    public async Task A_token_minted_by_the_test_helper_is_accepted()
    {
        // The positive control: the refusals below are about what was changed, not about the helper.
        foreach (var path in ProtectedPaths)
        {
            var response = await GetAsync(path, Tokens.For(_user));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        }
    }

    [TestCaseSource(nameof(ProtectedPaths))]
    public async Task Missing_token_is_401_with_a_plain_bearer_challenge(string path)
    {
        await AssertRefusedAsync(await GetAsync(path, null), "Not authenticated", tokenWasSent: false);
    }

    [TestCaseSource(nameof(ProtectedPaths))]
    public async Task Garbage_token_is_401(string path)
    {
        await AssertRefusedAsync(await GetAsync(path, "not.a.jwt"), "Could not validate credentials");
    }

    [Test]
    public async Task A_token_under_another_scheme_is_401()
    {
        await AssertRefusedAsync(await GetAsync("/auth/me", Tokens.For(_user), scheme: "Basic"), "Not authenticated", tokenWasSent: false);
    }

    [TestCaseSource(nameof(ProtectedPaths))]
    public async Task Expired_token_is_401_saying_so(string path)
    {
        var token = Tokens.Create(Subject, expires: DateTime.UtcNow.AddMinutes(-5));

        await AssertRefusedAsync(await GetAsync(path, token), "Token has expired");
    }

    [Test]
    public async Task Clock_skew_tolerated_is_at_most_30_seconds()
    {
        var justExpired = Tokens.Create(Subject, expires: DateTime.UtcNow.AddSeconds(-10), securityStamp: Tokens.SecurityStampOf(_user.Token));
        var expiredBeyondSkew = Tokens.Create(Subject, expires: DateTime.UtcNow.AddSeconds(-45));

        Assert.That((await GetAsync("/auth/me", justExpired)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await AssertRefusedAsync(await GetAsync("/auth/me", expiredBeyondSkew), "Token has expired");
    }

    [TestCaseSource(nameof(ProtectedPaths))]
    public async Task Token_signed_with_another_key_is_401(string path)
    {
        var token = Tokens.Create(Subject, signingKey: "an-attacker-chosen-key-that-is-long-enough-for-hs256");

        await AssertRefusedAsync(await GetAsync(path, token), "Could not validate credentials");
    }

    [Test]
    public async Task Token_from_another_issuer_is_401()
    {
        await AssertRefusedAsync(await GetAsync("/auth/me", Tokens.Create(Subject, issuer: "someone-else")), "Could not validate credentials");
    }

    [Test]
    public async Task Token_for_another_audience_is_401()
    {
        await AssertRefusedAsync(await GetAsync("/auth/me", Tokens.Create(Subject, audience: "another-api")), "Could not validate credentials");
    }

    [TestCaseSource(nameof(ProtectedPaths))]
    public async Task Unsigned_alg_none_token_is_401(string path)
    {
        await AssertRefusedAsync(await GetAsync(path, Tokens.WithoutSignature(_user.Id)), "Could not validate credentials");
    }

    [Test]
    public async Task Token_signed_with_the_right_key_but_another_algorithm_is_401()
    {
        // The key is right; only HS256 is accepted, so a token cannot pick its own algorithm.
        var token = Tokens.Create(Subject, algorithm: SecurityAlgorithms.HmacSha384);

        await AssertRefusedAsync(await GetAsync("/auth/me", token), "Could not validate credentials");
    }

    [Test]
    public async Task A_token_with_a_crit_header_is_401()
    {
        // RFC 7515 §4.1.11: an extension the service would have to understand, and does not.
        var headers = new Dictionary<string, object> { ["crit"] = new[] { "b64" }, ["b64"] = false };
        var token = Tokens.Create(Subject, securityStamp: Stamp, headers: headers);

        await AssertRefusedAsync(await GetAsync("/auth/me", token), "Could not validate credentials");
    }

    [Test]
    public async Task A_token_issued_in_the_future_beyond_the_skew_is_401()
    {
        var now = DateTime.UtcNow;
        var withinSkew = Tokens.Create(Subject, securityStamp: Stamp, issuedAt: now.AddSeconds(10), expires: now.AddMinutes(5));
        var beyondSkew = Tokens.Create(Subject, securityStamp: Stamp, issuedAt: now.AddMinutes(2), expires: now.AddMinutes(5));

        Assert.That((await GetAsync("/auth/me", withinSkew)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await AssertRefusedAsync(await GetAsync("/auth/me", beyondSkew), "Could not validate credentials");
    }

    [Test]
    public async Task A_token_that_lives_longer_than_configured_is_401()
    {
        // The test app issues tokens for Jwt:AccessTokenMinutes = 15 (the default).
        var fifteen = Tokens.Create(Subject, securityStamp: Stamp, lifetime: TimeSpan.FromMinutes(15));
        var sixteen = Tokens.Create(Subject, securityStamp: Stamp, lifetime: TimeSpan.FromMinutes(16));
        var aYear = Tokens.Create(Subject, securityStamp: Stamp, expires: DateTime.UtcNow.AddDays(365), issuedAt: DateTime.UtcNow);

        Assert.That((await GetAsync("/auth/me", fifteen)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await AssertRefusedAsync(await GetAsync("/auth/me", sixteen), "Could not validate credentials");
        await AssertRefusedAsync(await GetAsync("/auth/me", aYear), "Could not validate credentials");
    }

    [Test]
    public async Task A_token_without_an_issue_time_is_401()
    {
        await AssertRefusedAsync(
            await GetAsync("/auth/me", Tokens.Create(Subject, securityStamp: Stamp, withoutIssuedAt: true)), "Could not validate credentials");
    }

    [TestCase(null)]
    [TestCase("not-a-number")]
    [TestCase("-1")]
    public async Task Token_without_a_usable_subject_is_401(string? subject)
    {
        var response = await GetAsync("/auth/me", Tokens.Create(subject));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate.Single().Scheme, Is.EqualTo("Bearer"));
    }

    [TestCaseSource(nameof(ProtectedPaths))]
    public async Task Valid_token_of_a_deleted_user_is_401(string path)
    {
        var token = Tokens.For(_user);
        await App.QueryAsync(db => db.Users.Where(u => u.Id == _user.Id).ExecuteDeleteAsync());

        var response = await GetAsync(path, token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate.Single().Scheme, Is.EqualTo("Bearer"));
    }

    [Test]
    public async Task Valid_token_of_a_deleted_user_cannot_create_a_persona()
    {
        var token = Tokens.For(_user);
        await App.QueryAsync(db => db.Users.Where(u => u.Id == _user.Id).ExecuteDeleteAsync());
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await Json.PostAsync(client, "/personas/", new { name = "Ghost" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(await App.QueryAsync(db => db.Personas.CountAsync()), Is.Zero);
    }
}
