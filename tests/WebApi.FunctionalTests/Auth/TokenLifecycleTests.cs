using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Auth;

/// <summary>Refresh tokens (rotation, reuse detection), logout, password change, and the security stamp every token carries.</summary>
public class TokenLifecycleTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    [Test]
    public async Task Register_and_login_answer_a_refresh_token_beside_the_three_fields_of_old()
    {
        var name = "life" + Guid.NewGuid().ToString("N")[..8];
        using var client = App.CreateClient();
        var registered = await TokensOf(await client.PostAsJsonAsync("/auth/register", new
        {
            email = $"{name}@example.com",
            username = name,
            password = TestApp.Password,
        }));
        var loggedIn = await TokensOf(await client.PostAsJsonAsync("/auth/login", new { email = $"{name}@example.com", password = TestApp.Password }));

        foreach (var tokens in new[] { registered, loggedIn })
        {
            Assert.Multiple(() =>
            {
                Assert.That(tokens.GetProperty("token_type").GetString(), Is.EqualTo("bearer"));
                Assert.That(tokens.GetProperty("expires_in").GetInt32(), Is.EqualTo(15 * 60), "access tokens are short: 15 minutes");
                Assert.That(tokens.GetProperty("refresh_token").GetString(), Has.Length.GreaterThanOrEqualTo(43));
                Assert.That(new JsonWebToken(tokens.GetProperty("access_token").GetString()).Kid, Is.Not.Empty, "the signing key's id");
            });
        }

        Assert.That(registered.GetProperty("refresh_token").GetString(), Is.Not.EqualTo(loggedIn.GetProperty("refresh_token").GetString()));
    }

    [Test]
    public async Task Refreshing_rotates_the_refresh_token_and_the_new_access_token_works()
    {
        var (user, first) = await SignInAsync();

        var second = await TokensOf(await RefreshAsync(first));

        Assert.That(second.GetProperty("refresh_token").GetString(), Is.Not.EqualTo(first));
        using var me = await GetMeAsync(second.GetProperty("access_token").GetString()!);
        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await me.JsonAsync()).GetProperty("id").GetInt32(), Is.EqualTo(user.Id));
        using var third = await RefreshAsync(second.GetProperty("refresh_token").GetString()!);
        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the rotated token works once");
    }

    [Test]
    public async Task A_used_refresh_token_sent_again_is_401_and_revokes_the_whole_session()
    {
        var (_, first) = await SignInAsync();
        var second = (await TokensOf(await RefreshAsync(first))).GetProperty("refresh_token").GetString()!;

        using var reused = await RefreshAsync(first);
        using var rightful = await RefreshAsync(second);

        await reused.AssertProblemAsync(HttpStatusCode.Unauthorized, "not valid");
        Assert.That(reused.Headers.WwwAuthenticate.Single().Scheme, Is.EqualTo("Bearer"));
        Assert.That(rightful.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the session the copy came from is revoked too");
    }

    [Test]
    public async Task Requests_racing_with_one_refresh_token_get_at_most_one_new_pair_and_the_session_ends()
    {
        var (_, token) = await SignInAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RefreshAsync(token)));

        var winners = answers.Where(a => a.StatusCode == HttpStatusCode.OK).ToList();
        Assert.That(answers.Select(a => a.StatusCode), Is.All.AnyOf(HttpStatusCode.OK, HttpStatusCode.Unauthorized));
        Assert.That(winners, Has.Count.LessThanOrEqualTo(1));
        foreach (var winner in winners)
        {
            var won = (await TokensOf(winner)).GetProperty("refresh_token").GetString()!;
            using var after = await RefreshAsync(won);
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a reuse happened, so the session is revoked");
        }

        var rows = await App.QueryAsync(db => db.RefreshTokens.Where(t => t.RevokedAt == null).CountAsync());
        Assert.That(rows, Is.EqualTo(1), "only the sign-in's own session of CreateUserAsync is left");
    }

    [TestCase("not-a-token-at-all")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_unknown_refresh_token_is_401(string token)
    {
        using var response = await RefreshAsync(token);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "not valid");
    }

    [Test]
    public async Task An_empty_refresh_token_is_a_400_naming_the_field()
    {
        using var client = App.CreateClient();
        using var response = await client.PostAsJsonAsync("/auth/refresh", new { refresh_token = "" });

        await response.AssertValidationProblemAsync("refresh_token");
    }

    [Test]
    public async Task Logout_revokes_the_session_and_says_the_same_for_a_token_it_does_not_know()
    {
        var (_, token) = await SignInAsync();
        var rotated = (await TokensOf(await RefreshAsync(token))).GetProperty("refresh_token").GetString()!;
        using var client = App.CreateClient();

        using var logout = await client.PostAsJsonAsync("/auth/logout", new { refresh_token = rotated });
        using var again = await client.PostAsJsonAsync("/auth/logout", new { refresh_token = rotated });
        using var unknown = await client.PostAsJsonAsync("/auth/logout", new { refresh_token = "never-issued" });
        using var refresh = await RefreshAsync(rotated);

        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await logout.JsonAsync()).GetProperty("detail").GetString(), Is.EqualTo("Logged out"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(refresh.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Logout_ends_one_session_and_leaves_the_users_other_sessions()
    {
        var (user, first) = await SignInAsync();
        var other = await LoginAsync(user);
        using var client = App.CreateClient();

        (await client.PostAsJsonAsync("/auth/logout", new { refresh_token = first })).Dispose();
        using var otherRefresh = await RefreshAsync(other);

        Assert.That(otherRefresh.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Changing_the_password_ends_every_session_and_every_earlier_access_token()
    {
        var (user, refresh) = await SignInAsync();
        var otherSession = await LoginAsync(user);
        const string newPassword = "a-new-and-longer-passphrase";

        using var changed = await user.Http.PostAsJsonAsync("/auth/password", new { current_password = TestApp.Password, new_password = newPassword });

        var tokens = await TokensOf(changed);
        using var oldAccess = await GetMeAsync(user.Token);
        using var newAccess = await GetMeAsync(tokens.GetProperty("access_token").GetString()!);
        using var oldRefresh = await RefreshAsync(refresh);
        using var otherRefresh = await RefreshAsync(otherSession);
        using var newRefresh = await RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);
        using var client = App.CreateClient();
        using var oldLogin = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = TestApp.Password });
        using var newLogin = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = newPassword });
        Assert.Multiple(() =>
        {
            Assert.That(oldAccess.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "an access token from before the change");
            Assert.That(newAccess.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(oldRefresh.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(otherRefresh.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "another session");
            Assert.That(newRefresh.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(oldLogin.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(newLogin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task A_wrong_current_password_is_400_naming_it_and_changes_nothing()
    {
        var (user, refresh) = await SignInAsync();

        using var response = await user.Http.PostAsJsonAsync("/auth/password", new { current_password = "not-the-password", new_password = "whatever-else-long" });

        await response.AssertValidationProblemAsync("current_password");
        using var me = await GetMeAsync(user.Token);
        using var stillRefreshes = await RefreshAsync(refresh);
        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(stillRefreshes.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_new_password_shorter_than_8_is_400_naming_it()
    {
        var (user, _) = await SignInAsync();

        using var response = await user.Http.PostAsJsonAsync("/auth/password", new { current_password = TestApp.Password, new_password = "short" });

        await response.AssertValidationProblemAsync("new_password");
    }

    [Test]
    public async Task Refresh_tokens_are_stored_only_as_their_sha256()
    {
        var (user, token) = await SignInAsync();

        var rows = await App.QueryAsync(db => db.RefreshTokens.Where(t => t.UserId == user.Id).Select(t => t.TokenHash).ToListAsync());

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        Assert.That(rows, Does.Contain(hash));
        Assert.That(rows, Has.None.Contains(token));
    }

    [Test]
    public async Task A_token_never_passes_for_another_account_whose_row_took_its_id()
    {
        // What a restored backup does: the id the token names now holds an account with another stamp.
        var (user, _) = await SignInAsync();
        await App.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE users SET security_stamp = {new string('0', 32)} WHERE id = {user.Id}"));

        using var me = await GetMeAsync(user.Token);

        await ProblemAssert.IsProblemAsync(me, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_token_without_a_security_stamp_is_401()
    {
        var (user, _) = await SignInAsync();

        using var me = await GetMeAsync(Tokens.Create(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        await ProblemAssert.IsProblemAsync(me, HttpStatusCode.Unauthorized);
    }

    private async Task<(UserClient User, string RefreshToken)> SignInAsync()
    {
        var user = await App.CreateUserAsync();
        return (user, await LoginAsync(user));
    }

    private async Task<string> LoginAsync(UserClient user)
    {
        using var client = App.CreateClient();
        var tokens = await TokensOf(await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = TestApp.Password }));
        return tokens.GetProperty("refresh_token").GetString()!;
    }

    private async Task<HttpResponseMessage> RefreshAsync(string refreshToken)
    {
        using var client = App.CreateClient();
        return await client.PostAsJsonAsync("/auth/refresh", new { refresh_token = refreshToken });
    }

    private async Task<HttpResponseMessage> GetMeAsync(string accessToken)
    {
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await client.GetAsync("/auth/me");
    }

    private static async Task<JsonElement> TokensOf(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}
