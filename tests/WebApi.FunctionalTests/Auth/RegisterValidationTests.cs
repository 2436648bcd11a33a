using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Auth;

/// <summary>Each registration rule answers 400 naming the JSON field, and each limit itself is accepted.</summary>
public class RegisterValidationTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    /// <summary>A 64-character local part (the most allowed) and a domain of labels no longer than 63.</summary>
    private static string LongEmail(int length) =>
        $"{new string('a', 64)}@{new string('b', 63)}.{new string('c', 63)}.{new string('d', length - 64 - 1 - 63 - 1 - 63 - 1 - 4)}.com";

    private static Dictionary<string, object?> Body(params (string Key, object? Value)[] overrides)
    {
        var body = new Dictionary<string, object?>
        {
            ["email"] = "valid@example.com", ["username"] = "valid", ["password"] = TestApp.Password, ["full_name"] = "Valid User",
        };
        foreach (var (key, value) in overrides)
        {
            if (value is null)
            {
                body.Remove(key);
            }
            else
            {
                body[key] = value;
            }
        }

        return body;
    }

    public static IEnumerable<TestCaseData> BrokenRegistrations()
    {
        yield return new TestCaseData(Body(("email", null)), "email").SetName("{m}(email missing)");
        yield return new TestCaseData(Body(("email", "not-an-email")), "email").SetName("{m}(email not an address)");
        yield return new TestCaseData(Body(("email", LongEmail(255))), "email").SetName("{m}(email 255)");
        yield return new TestCaseData(Body(("email", 12345)), "email").SetName("{m}(email not a string)");
        yield return new TestCaseData(Body(("email", new string('a', 65) + "@example.com")), "email").SetName("{m}(email local part 65)");
        yield return new TestCaseData(Body(("username", null)), "username").SetName("{m}(username missing)");
        yield return new TestCaseData(Body(("username", "")), "username").SetName("{m}(username empty)");
        yield return new TestCaseData(Body(("username", new string('u', 51))), "username").SetName("{m}(username 51)");
        yield return new TestCaseData(Body(("username", "new\nline")), "username").SetName("{m}(username control character)");
        yield return new TestCaseData(Body(("password", null)), "password").SetName("{m}(password missing)");
        yield return new TestCaseData(Body(("password", new string('p', 7))), "password").SetName("{m}(password 7)");
        yield return new TestCaseData(Body(("password", new string('p', 129))), "password").SetName("{m}(password 129)");
        yield return new TestCaseData(Body(("full_name", new string('f', 101))), "full_name").SetName("{m}(full_name 101)");
    }

    public static IEnumerable<TestCaseData> RegistrationsAtTheLimits()
    {
        yield return new TestCaseData(Body(("email", LongEmail(254)))).SetName("{m}(email 254)");
        yield return new TestCaseData(Body(("username", new string('u', 50)))).SetName("{m}(username 50)");
        yield return new TestCaseData(Body(("password", new string('p', 8)))).SetName("{m}(password 8)");
        yield return new TestCaseData(Body(("password", new string('p', 128)))).SetName("{m}(password 128)");
        yield return new TestCaseData(Body(("full_name", new string('f', 100)))).SetName("{m}(full_name 100)");
        yield return new TestCaseData(Body(("full_name", null))).SetName("{m}(full_name left out)");
    }

    [TestCaseSource(nameof(BrokenRegistrations))]
    public async Task Register_refuses(Dictionary<string, object?> body, string field)
    {
        var response = await App.CreateClient().PostAsJsonAsync("/auth/register", body);

        await ProblemAssert.IsValidationProblemAsync(response, field);
        Assert.That(await App.QueryAsync(db => db.Users.CountAsync()), Is.Zero);
    }

    [TestCaseSource(nameof(RegistrationsAtTheLimits))]
    public async Task Register_accepts(Dictionary<string, object?> body)
    {
        var response = await App.CreateClient().PostAsJsonAsync("/auth/register", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await App.QueryAsync(db => db.Users.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task A_password_at_the_upper_limit_also_signs_in()
    {
        var password = new string('p', 128);
        await App.CreateClient().PostAsJsonAsync("/auth/register", Body(("password", password)));

        var response = await App.CreateClient().PostAsJsonAsync("/auth/login", new { email = "valid@example.com", password });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
