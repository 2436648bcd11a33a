using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Auth;

public class LoginTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    [Test]
    public async Task Register_then_login_then_me_with_the_login_token()
    {
        var client = App.CreateClient();
        await Json.ReadAsync(await client.PostAsJsonAsync("/auth/register", new
        {
            email = "alice@example.com", username = "alice", password = TestApp.Password, full_name = "Alice",
        }));

        var login = await Json.ReadAsync(await client.PostAsJsonAsync("/auth/login", new { email = "alice@example.com", password = TestApp.Password }));
        Assert.Multiple(() =>
        {
            Assert.That(login.GetProperty("token_type").GetString(), Is.EqualTo("bearer"));
            Assert.That(login.GetProperty("expires_in").GetInt32(), Is.EqualTo(900));
        });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("access_token").GetString());
        var me = await Json.ReadAsync(await client.GetAsync("/auth/me"));

        Assert.That(me.GetProperty("email").GetString(), Is.EqualTo("alice@example.com"));
    }

    [Test]
    public async Task Login_matches_the_email_whatever_its_case()
    {
        await App.CreateUserAsync("bob");

        var response = await App.CreateClient().PostAsJsonAsync("/auth/login", new { email = "BOB@Example.COM", password = TestApp.Password });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Wrong_password_and_unknown_user_get_the_identical_401()
    {
        await App.CreateUserAsync("carol");
        var client = App.CreateClient();

        var wrongPassword = await client.PostAsJsonAsync("/auth/login", new { email = "carol@example.com", password = "not-the-password" });
        var unknownUser = await client.PostAsJsonAsync("/auth/login", new { email = "nobody@example.com", password = TestApp.Password });

        var first = await ProblemAssert.IsProblemAsync(wrongPassword, HttpStatusCode.Unauthorized);
        var second = await ProblemAssert.IsProblemAsync(unknownUser, HttpStatusCode.Unauthorized);
        Assert.Multiple(() =>
        {
            Assert.That(ProblemAssert.Detail(first), Is.EqualTo("Incorrect email or password"));
            Assert.That(ProblemAssert.Detail(second), Is.EqualTo(ProblemAssert.Detail(first)));
            Assert.That(second.GetProperty("title").GetString(), Is.EqualTo(first.GetProperty("title").GetString()));
            Assert.That(second.GetProperty("type").GetString(), Is.EqualTo(first.GetProperty("type").GetString()));
            Assert.That(wrongPassword.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
            Assert.That(unknownUser.Headers.WwwAuthenticate.ToString(), Is.EqualTo(wrongPassword.Headers.WwwAuthenticate.ToString()));
        });
    }

    [Test]
    public async Task Login_without_a_password_is_a_validation_error_not_a_401()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/auth/login", new { email = "carol@example.com" });

        await ProblemAssert.IsValidationProblemAsync(response, "password");
    }

    [Test]
    public async Task Login_without_an_email_is_a_validation_error()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/auth/login", new { email = "", password = TestApp.Password });

        await ProblemAssert.IsValidationProblemAsync(response, "email");
    }
}
