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
/// The real service over the real HTTP pipeline, on a SQLite database file and an upload folder
/// of its own in a temporary directory, with a fixed signing key so tests can mint tokens.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string SigningKey = "functional-tests-signing-key-of-more-than-32-bytes";
    public const string Issuer = "personamedia";
    public const string Audience = "personamedia";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private readonly Dictionary<string, string?> _settings;

    public TestApp(IDictionary<string, string?>? settings = null)
    {
        Root = Directory.CreateTempSubdirectory("personamedia-tests-").FullName;
        UploadRoot = Path.Combine(Root, "uploads");
        DatabasePath = Path.Combine(Root, "personamedia.db");
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = $"Data Source={DatabasePath}",
            ["Storage:Provider"] = "Local",
            ["Storage:Local:RootPath"] = UploadRoot,
            ["Jwt:SigningKey"] = SigningKey,
            ["Jwt:Issuer"] = Issuer,
            ["Jwt:Audience"] = Audience,
            ["Cors:AllowedOrigins:0"] = "https://app.example.com",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The temporary folder that holds this app's database file and uploads.</summary>
    public string Root { get; }

    public string UploadRoot { get; }

    public string DatabasePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Empties every table and the upload folder, so each test starts from nothing.</summary>
    public async Task ResetAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.MediaFiles.ExecuteDeleteAsync();
        await db.Personas.ExecuteDeleteAsync();
        await db.Users.ExecuteDeleteAsync();

        var uploads = Directory.CreateDirectory(UploadRoot);
        foreach (var entry in uploads.EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }

    /// <summary>Runs a query against the app's own database, for asserting rows.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Every file under the upload folder, as paths relative to it ('/'-separated), sorted.</summary>
    public IReadOnlyList<string> StoredFiles() =>
        Directory.CreateDirectory(UploadRoot)
            .EnumerateFiles("*", SearchOption.AllDirectories)
            .Select(file => file.FullName)
            .Select(path => Path.GetRelativePath(UploadRoot, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Registers a new user and returns a client that carries their token.</summary>
    public async Task<UserClient> CreateUserAsync(string? name = null)
    {
        name ??= "user" + Guid.NewGuid().ToString("N")[..10];
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/auth/register", new
        {
            email = $"{name}@example.com",
            username = name,
            password = "correct-horse-battery",
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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing handle; the OS cleans the temp folder.
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
