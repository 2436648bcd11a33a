using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace PersonaMedia.WebApi.FunctionalTests.Auth;

/// <summary>
/// Refreshes, reuses and logouts of one session sent at once, many rounds over, on each database; on
/// SQL Server under read committed snapshot (Azure SQL's default), where a plain read does not wait for
/// a writer, which is where a revocation could miss the token a racing rotation was writing. Whatever
/// the order: at most one refresh of a token wins, and a session whose token was presented twice, or
/// that was logged out, has no refresh token left that works.
/// </summary>
public class RefreshRaceTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private const int Rounds = 20;

    [SetUp]
    public async Task UnderReadCommittedSnapshotOnSqlServer()
    {
        if (Environment.DatabaseProvider == "SqlServer")
        {
            await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
                "ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE"));
        }
    }

    [Test]
    public async Task Of_two_refreshes_with_one_token_at_most_one_wins_and_the_session_then_is_over()
    {
        var user = await App.CreateUserAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var token = await LoginAsync(user.Email);

            var answers = await Task.WhenAll(RefreshAsync(token), RefreshAsync(token));

            var won = answers.Where(a => a.Status == HttpStatusCode.OK).ToList();
            Assert.That(won, Has.Count.LessThanOrEqualTo(1), $"round {round}: both refreshes of one token won");
            foreach (var (_, next) in won)
            {
                var (status, _) = await RefreshAsync(next!);
                Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized), $"round {round}: the token was presented twice, yet the session lives on");
            }
        }
    }

    [Test]
    public async Task A_refresh_racing_a_logout_leaves_no_refresh_token_that_works()
    {
        var user = await App.CreateUserAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var token = await LoginAsync(user.Email);

            var refreshing = RefreshAsync(token);
            var loggingOut = LogoutAsync(token);
            var (status, next) = await refreshing;
            await loggingOut;

            if (status == HttpStatusCode.OK)
            {
                var (after, _) = await RefreshAsync(next!);
                Assert.That(after, Is.EqualTo(HttpStatusCode.Unauthorized), $"round {round}: the session was logged out, yet its new token works");
            }
        }
    }

    private async Task<string> LoginAsync(string email)
    {
        using var client = App.CreateClient();
        using var response = await client.PostAsJsonAsync("/auth/login", new { email, password = TestApp.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh_token").GetString()!;
    }

    private async Task<(HttpStatusCode Status, string? RefreshToken)> RefreshAsync(string refreshToken)
    {
        using var client = App.CreateClient();
        using var response = await client.PostAsJsonAsync("/auth/refresh", new { refresh_token = refreshToken });
        return response.StatusCode == HttpStatusCode.OK
            ? (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh_token").GetString())
            : (response.StatusCode, null);
    }

    private async Task LogoutAsync(string refreshToken)
    {
        using var client = App.CreateClient();
        using var response = await client.PostAsJsonAsync("/auth/logout", new { refresh_token = refreshToken });
        response.EnsureSuccessStatusCode();
    }
}
