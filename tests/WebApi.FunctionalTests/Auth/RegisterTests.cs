using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Domain.Users;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Auth;

public class RegisterTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private static object Registration(string email = "alice@example.com", string username = "alice") => new
    {
        email, username, password = TestApp.Password, full_name = "Alice Liddell",
    };

    [Test]
    public async Task Register_answers_a_bearer_token_signed_for_the_new_user()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/auth/register", Registration());

        var body = await Json.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("token_type").GetString(), Is.EqualTo("bearer"));
            Assert.That(body.GetProperty("expires_in").GetInt32(), Is.EqualTo(900));
        });

        var token = new JsonWebToken(body.GetProperty("access_token").GetString());
        var userId = await App.QueryAsync(db => db.Users.Where(u => u.Username == "alice").Select(u => u.Id).SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(token.Alg, Is.EqualTo("HS256"));
            Assert.That(token.Issuer, Is.EqualTo(TestApp.Issuer));
            Assert.That(token.Audiences, Is.EqualTo(new[] { TestApp.Audience }));
            Assert.That(token.Subject, Is.EqualTo(userId.ToString(CultureInfo.InvariantCulture)));
            Assert.That(token.ValidTo - token.IssuedAt, Is.EqualTo(TimeSpan.FromMinutes(15)));
        });
    }

    [Test]
    public async Task Register_then_me_returns_the_user()
    {
        var client = App.CreateClient();
        var registered = await Json.ReadAsync(await client.PostAsJsonAsync("/auth/register", Registration()));
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", registered.GetProperty("access_token").GetString());

        var me = await Json.ReadAsync(await client.GetAsync("/auth/me"));

        Assert.Multiple(() =>
        {
            Assert.That(Json.Names(me), Is.SupersetOf(["id", "email", "username", "full_name", "created_at"]));
            Assert.That(Json.Names(me), Has.None.Contains("password"), "no password or hash is ever sent back");
            Assert.That(me.GetProperty("id").GetInt32(), Is.Positive);
            Assert.That(me.GetProperty("email").GetString(), Is.EqualTo("alice@example.com"));
            Assert.That(me.GetProperty("username").GetString(), Is.EqualTo("alice"));
            Assert.That(me.GetProperty("full_name").GetString(), Is.EqualTo("Alice Liddell"));
            Assert.That(Json.UtcTime(me, "created_at"), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
        });
    }

    [Test]
    public async Task The_password_is_stored_only_as_an_identity_hash()
    {
        await App.CreateUserAsync("carol");

        var hash = await App.QueryAsync(db => db.Users.Where(u => u.Username == "carol").Select(u => u.PasswordHash).SingleAsync());

        Assert.Multiple(() =>
        {
            Assert.That(hash, Does.Not.Contain(TestApp.Password));
            // ASP.NET Core Identity's V3 format: version byte 0x01, base64 "AQAAAA...".
            Assert.That(Convert.FromBase64String(hash)[0], Is.EqualTo(0x01));
        });
    }

    [Test]
    public async Task Duplicate_email_is_409_already_registered()
    {
        await App.CreateUserAsync("bob");
        var client = App.CreateClient();

        var response = await client.PostAsJsonAsync("/auth/register", Registration("BOB@example.com", "other"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.That(ProblemAssert.Detail(problem), Does.Contain("already registered"));
    }

    [Test]
    public async Task Duplicate_username_in_another_case_is_409_already_registered()
    {
        await App.CreateUserAsync("dave");

        var response = await App.CreateClient().PostAsJsonAsync("/auth/register", Registration("someone-else@example.com", "DaVe"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.That(ProblemAssert.Detail(problem), Does.Contain("already registered"));
        Assert.That(await App.QueryAsync(db => db.Users.CountAsync()), Is.EqualTo(1));
    }

    [TestCase("BOB@example.com", "other", TestName = "{m}(email)")]
    [TestCase("other@example.com", "Bob", TestName = "{m}(username)")]
    [TestCase("BOB@example.com", "bob", TestName = "{m}(both)")]
    public async Task Every_clash_gets_the_same_answer_so_sign_up_does_not_tell_who_has_an_account(string email, string username)
    {
        await App.CreateUserAsync("bob");

        var response = await App.CreateClient().PostAsJsonAsync("/auth/register", Registration(email, username));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.That(ProblemAssert.Detail(problem), Is.EqualTo("Email or username already registered"));
    }

    [TestCase("\u212Aate", TestName = "{m}(Kelvin sign)")]
    [TestCase("ｋａｔｅ", TestName = "{m}(fullwidth)")]
    [TestCase("KATE", TestName = "{m}(upper case)")]
    [TestCase("k\u0430te", TestName = "{m}(Cyrillic a)")]
    [TestCase("kat\u0435", TestName = "{m}(Cyrillic e)")]
    public async Task A_look_alike_of_a_taken_username_is_taken_too(string lookAlike)
    {
        await App.CreateUserAsync("kate");

        var response = await App.CreateClient().PostAsJsonAsync("/auth/register", Registration("other@example.com", lookAlike));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.That(ProblemAssert.Detail(problem), Is.EqualTo("Email or username already registered"));
        Assert.That(await App.QueryAsync(db => db.Users.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task A_dotless_i_is_a_look_alike_of_an_i()
    {
        await App.CreateUserAsync("alice");

        var response = await App.CreateClient().PostAsJsonAsync("/auth/register", Registration("other@example.com", "al\u0131ce"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Test]
    public async Task A_fullwidth_username_is_stored_as_the_plain_letters_it_shows()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/auth/register", Registration("zoe@example.com", "ｚｏｅ\u212A"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var user = await App.QueryAsync(db => db.Users.SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(user.Username, Is.EqualTo("zoeK"));
            Assert.That(user.UsernameSkeleton, Is.Not.Null.And.Not.Empty);
        });
    }

    [TestCase("alice\u200B", TestName = "{m}(trailing zero-width space)")]
    [TestCase("\u202Eecila", TestName = "{m}(leading RLO)")]
    [TestCase("al\u200Dice", TestName = "{m}(zero-width joiner)")]
    [TestCase("ali\u00ADce", TestName = "{m}(soft hyphen)")]
    public async Task A_username_with_invisible_or_direction_characters_is_refused(string username)
    {
        var response = await App.CreateClient().PostAsJsonAsync("/auth/register", Registration("alice@example.com", username));

        await ProblemAssert.IsValidationProblemAsync(response, "username");
        Assert.That(await App.QueryAsync(db => db.Users.CountAsync()), Is.Zero);
    }

    [TestCase("alice@example.com\r\nBcc: all@example.com", TestName = "{m}(CR LF)")]
    [TestCase("<script>alert(1)</script>@example.com", TestName = "{m}(script tag)")]
    [TestCase("alice smith@example.com", TestName = "{m}(space)")]
    [TestCase("Alice <alice@example.com>", TestName = "{m}(display name)")]
    public async Task An_email_that_is_not_a_plain_address_is_refused(string email)
    {
        var response = await App.CreateClient().PostAsJsonAsync("/auth/register", Registration(email));

        await ProblemAssert.IsValidationProblemAsync(response, "email");
        Assert.That(await App.QueryAsync(db => db.Users.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task An_international_domain_is_one_address_in_unicode_or_punycode_and_signs_in_either_way()
    {
        var first = await App.CreateClient().PostAsJsonAsync("/auth/register", Registration("Hans@BÜCHER.example", "hans"));
        var again = await App.CreateClient().PostAsJsonAsync("/auth/register", Registration("hans@xn--bcher-kva.example", "hans2"));
        var login = await App.CreateClient().PostAsJsonAsync("/auth/login", new { email = "HANS@xn--BCHER-kva.example", password = TestApp.Password });

        var stored = await App.QueryAsync(db => db.Users.Select(u => u.Email).SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(stored, Is.EqualTo("Hans@bücher.example"));
        });
    }

    [Test]
    public async Task Concurrent_registrations_of_one_email_let_exactly_one_win()
    {
        const int racers = 8;
        using var start = new SemaphoreSlim(0, racers);
        var attempts = Enumerable.Range(0, racers).Select(async i =>
        {
            var client = App.CreateClient();
            await start.WaitAsync();
            // Same email in varying case, different usernames: only the email index can decide.
            return await client.PostAsJsonAsync("/auth/register", Registration(i % 2 == 0 ? "race@example.com" : "RACE@example.com", $"racer{i}"));
        }).ToList();
        start.Release(racers);

        var responses = await Task.WhenAll(attempts);

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == HttpStatusCode.OK), Is.EqualTo(1), string.Join(", ", statuses));
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            var problem = await ProblemAssert.IsProblemAsync(loser, HttpStatusCode.Conflict);
            Assert.That(ProblemAssert.Detail(problem), Does.Contain("already registered"));
        }

        Assert.That(await App.QueryAsync(db => db.Users.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task The_database_itself_refuses_a_second_user_with_the_same_normalized_email_or_username()
    {
        await App.CreateUserAsync("erin");

        // Bypasses the handler's check: only the unique indexes stand in the way.
        await Assert.ThrowsAsync<UniqueConstraintException>(() => InsertAsync("ERIN@example.com", "someone"));
        await Assert.ThrowsAsync<UniqueConstraintException>(() => InsertAsync("someone@example.com", "Erin", skeleton: "not-erin"));
        await Assert.ThrowsAsync<UniqueConstraintException>(() => InsertAsync("someone@example.com", "Εrin", skeleton: "erin"));
    }

    private Task<int> InsertAsync(string email, string username, string? skeleton = null) => App.QueryAsync(async db =>
    {
        var user = User.Register(email, username, skeleton ?? username.ToLowerInvariant(), null, "not-a-real-hash", DateTime.UtcNow);
        db.Users.Add(user);
        return await db.SaveChangesAsync();
    });

    [Test]
    public async Task A_registration_error_leaves_no_user_behind()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/auth/register", new
        {
            email = "frank@example.com", username = "frank", password = "short", full_name = "Frank",
        });

        await ProblemAssert.IsValidationProblemAsync(response, "password");
        Assert.That(await App.QueryAsync(db => db.Users.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Unknown_members_and_server_owned_fields_in_the_body_are_ignored()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/auth/register", new
        {
            id = 4242, created_at = "2000-01-01T00:00:00Z", email = "gina@example.com", username = "gina",
            password = TestApp.Password, full_name = "Gina", is_admin = true,
        });

        await Json.ReadAsync(response);
        var user = await App.QueryAsync(db => db.Users.SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(user.Id, Is.Not.EqualTo(4242));
            Assert.That(user.CreatedAt, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
        });
    }
}
