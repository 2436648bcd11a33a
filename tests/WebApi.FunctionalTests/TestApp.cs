using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonaMedia.Infrastructure.Persistence;

namespace PersonaMedia.WebApi.FunctionalTests;

/// <summary>
/// The real service over the real HTTP pipeline, on a database and a file store of its own
/// (by default a SQLite file and a folder in a temporary directory), with a fixed signing key so
/// tests can mint tokens.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string SigningKey = "functional-tests-signing-key-of-more-than-32-bytes";
    public const string UrlSigningKey = "functional-tests-media-url-key-of-more-than-32-bytes";
    public const string Issuer = "personamedia";
    public const string Audience = "personamedia";
    public const string AllowedOrigin = "https://app.example.com";
    public const string Password = "correct-horse-battery";

    private readonly Dictionary<string, string?> _settings;

    /// <param name="databaseSettings">Database settings; null for a SQLite file in <see cref="Root"/>.</param>
    /// <param name="storage">The file store; null for a folder in <see cref="Root"/>.</param>
    public TestApp(IReadOnlyDictionary<string, string?>? databaseSettings = null, ITestStorage? storage = null)
    {
        Root = Directory.CreateTempSubdirectory("personamedia-tests-").FullName;
        Storage = storage ?? new LocalTestStorage(Path.Combine(Root, "uploads"));
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(Root, "personamedia.db")}",
            ["Jwt:SigningKey"] = SigningKey,
            ["Media:UrlSigningKeys:0"] = UrlSigningKey,
            ["Jwt:Issuer"] = Issuer,
            ["Jwt:Audience"] = Audience,
            ["Cors:AllowedOrigins:0"] = AllowedOrigin,
            // Readiness asks its dependencies every time, so a test sees a break at once.
            ["Health:CacheSeconds"] = "0",
            // Passes are run by the tests that want one; a timed pass would see another test's half-made state.
            ["Storage:Reconciler:Enabled"] = "false",
            // Likewise the pending-deletions retrier: a pass of this app with its working store, over
            // the database a test's faulty-store host shares, would finish that test's owed deletes.
            ["Storage:PendingDeletions:RetryIntervalSeconds"] = "86400",
            // Every test signs in from one address and many as one user; RateLimitTests uses small limits.
            ["RateLimiting:SignIn:PermitLimit"] = "1000000",
            ["RateLimiting:User:PermitLimit"] = "1000000",
            ["RateLimiting:Uploads:QueueLimit"] = "1000",
            ["RateLimiting:AccountSignIn:FailuresPerAddress"] = "1000000",
            ["RateLimiting:AccountSignIn:FailuresPerAccount"] = "1000000",
            ["RateLimiting:UploadsPerUser:RequestsPerHour"] = "1000000",
            // Tests change and delete accounts behind the service's back (as another replica would);
            // SecurityStampCacheTests turns the cache on and tests its window.
            ["Jwt:SecurityStampCacheSeconds"] = "0",
        };
        foreach (var (key, value) in (databaseSettings ?? new Dictionary<string, string?>()).Concat(Storage.Settings))
        {
            _settings[key] = value;
        }
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>A temporary folder of this app's own (SQLite file, local uploads).</summary>
    public string Root { get; }

    public ITestStorage Storage { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Empties every table and the file store, so each test starts from nothing.</summary>
    public async Task ResetAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.UploadIdempotencyKeys.ExecuteDeleteAsync();
        await db.MediaFiles.ExecuteDeleteAsync();
        await db.PendingDeletions.ExecuteDeleteAsync();
        await db.RefreshTokens.ExecuteDeleteAsync();
        await db.Personas.IgnoreQueryFilters().ExecuteDeleteAsync();
        await db.Users.ExecuteDeleteAsync();
        await Storage.ResetAsync();
    }

    /// <summary>Runs a query against the app's own database, for asserting rows.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Registers a new user and returns a client that carries their token.</summary>
    public async Task<UserClient> CreateUserAsync(string? name = null)
    {
        name ??= "user" + Guid.NewGuid().ToString("N")[..10];
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/auth/register", new
        {
            email = $"{name}@example.com",
            username = name,
            password = Password,
            full_name = $"Test {name}",
        });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await client.GetFromJsonAsync<JsonElement>("/auth/me");
        return new UserClient(client, me.GetProperty("id").GetInt32(), $"{name}@example.com", name, token);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Storage is IAsyncDisposable storage)
        {
            await storage.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing handle; the OS cleans its temporary folder.
        }
    }
}

/// <summary>A signed-in user's HTTP client.</summary>
public sealed record UserClient(HttpClient Http, int Id, string Email, string Username, string Token)
{
    public async Task<int> CreatePersonaAsync(string name = "Persona")
    {
        var response = await Http.PostAsJsonAsync("/personas/", new { name, description = "test", relation_type = "friend" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}
