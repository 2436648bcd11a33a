using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Auth;

/// <summary>
/// <c>Jwt:SecurityStampCacheSeconds</c>: a password change made here ends the old tokens at once; one
/// made behind this process's back (another replica, an operator) within the cache's lifetime.
/// </summary>
public class SecurityStampCacheTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private const int CacheSeconds = 2;

    protected override IReadOnlyDictionary<string, string?> OwnAppSettings =>
        new Dictionary<string, string?> { ["Jwt:SecurityStampCacheSeconds"] = CacheSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Test]
    public async Task A_password_change_on_this_replica_refuses_the_old_token_at_once_though_its_stamp_was_cached()
    {
        var user = await App.CreateUserAsync();
        Assert.That(await MeAsync(user.Token), Is.EqualTo(HttpStatusCode.OK), "the stamp is now cached");

        using var changed = await user.Http.PostAsJsonAsync("/auth/password", new { current_password = TestApp.Password, new_password = "another-long-password" });
        changed.EnsureSuccessStatusCode();
        var fresh = (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;

        Assert.That(await MeAsync(user.Token), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await MeAsync(fresh), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_stamp_changed_elsewhere_is_believed_until_the_cache_lifetime_passes()
    {
        var user = await App.CreateUserAsync();
        Assert.That(await MeAsync(user.Token), Is.EqualTo(HttpStatusCode.OK), "the stamp is now cached");

        // Another replica changed the password: the database has a new stamp, this process does not know.
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE users SET security_stamp = {0} WHERE id = {1}", new string('f', 32), user.Id));

        Assert.That(await MeAsync(user.Token), Is.EqualTo(HttpStatusCode.OK), "within the window the cached stamp is believed");
        await Task.Delay(TimeSpan.FromSeconds(CacheSeconds + 0.5));
        Assert.That(await MeAsync(user.Token), Is.EqualTo(HttpStatusCode.Unauthorized), "after it, the database's");
    }

    [Test]
    public async Task An_account_deleted_elsewhere_is_refused_after_the_cache_lifetime()
    {
        var user = await App.CreateUserAsync();
        Assert.That(await MeAsync(user.Token), Is.EqualTo(HttpStatusCode.OK));

        await App.QueryAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteDeleteAsync());
        await Task.Delay(TimeSpan.FromSeconds(CacheSeconds + 0.5));

        Assert.That(await MeAsync(user.Token), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private async Task<HttpStatusCode> MeAsync(string token)
    {
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/auth/me");
        return response.StatusCode;
    }
}
