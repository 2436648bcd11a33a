using System.Net.Http.Json;
using System.Text.Json;

namespace PersonaMedia.WebApi.FunctionalTests.Support;

/// <summary>The calls a load test against a <see cref="RunningApp"/> makes to set itself up.</summary>
internal static class PublishedAppClients
{
    /// <summary>Registers a new user and returns their access token.</summary>
    public static async Task<string> RegisterAsync(HttpClient client, string prefix)
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..8];
        using var response = await client.PostAsJsonAsync("/auth/register", new { email = $"{name}@example.com", username = name, password = TestApp.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>Creates a persona as the client's user and returns its id.</summary>
    public static async Task<int> CreatePersonaAsync(HttpClient client, string name)
    {
        using var response = await client.PostAsJsonAsync("/personas/", new { name });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}
