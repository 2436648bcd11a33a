using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PersonaMedia.WebApi.FunctionalTests.Auth;

public class RegisterTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    [Test]
    public async Task Register_then_me_returns_the_user()
    {
        var user = await App.CreateUserAsync("alice");

        var me = await user.Http.GetFromJsonAsync<JsonElement>("/auth/me");

        Assert.That(me.GetProperty("username").GetString(), Is.EqualTo("alice"));
    }

    [Test]
    public async Task Duplicate_email_is_409_already_registered()
    {
        await App.CreateUserAsync("bob");
        var client = App.CreateClient();

        var response = await client.PostAsJsonAsync("/auth/register", new
        {
            email = "BOB@example.com", username = "other", password = "password123", full_name = "B",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("already registered"));
    }
}
