using System.Net;
using System.Net.Http.Json;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Infrastructure;

/// <summary><c>RateLimiting:PasswordHashing</c>: hashing takes its turn, so a flood of sign-ins cannot take the whole machine.</summary>
public class PasswordHashingBoundTests
{
    [Test]
    public async Task Sign_ins_past_the_hashing_queue_are_503_with_retry_after_and_never_500()
    {
        await using var app = new TestApp(new Dictionary<string, string?>
        {
            ["RateLimiting:PasswordHashing:MaxConcurrent"] = "1",
            ["RateLimiting:PasswordHashing:QueueLimit"] = "0",
        });
        var user = await app.CreateUserAsync();
        using var client = app.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 16)
            .Select(_ => client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = TestApp.Password })));
        using var alone = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = TestApp.Password });

        var statuses = answers.Select(a => a.StatusCode).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(statuses, Is.All.AnyOf(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable), string.Join(", ", statuses));
            Assert.That(statuses, Has.Some.EqualTo(HttpStatusCode.OK));
            var refused = answers.First(a => a.StatusCode == HttpStatusCode.ServiceUnavailable);
            Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));
            await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "Too many sign-ins");
            Assert.That(alone.StatusCode, Is.EqualTo(HttpStatusCode.OK), "one sign-in on its own");
        });
    }
}
