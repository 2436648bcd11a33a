using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using PersonaMedia.Infrastructure.Identity;
using PersonaMedia.Infrastructure.Settings;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// SPEC: outside Development the service refuses to start without a signing key of at least 32
/// bytes and says so; in Development a missing key is generated once under data/ and kept. Each
/// test starts the service itself, in a content root of its own, so this fixture does not use the
/// shared per-environment app.
/// </summary>
public class SigningKeyStartupTests
{
    private string _contentRoot = null!;

    [SetUp]
    public void CreateContentRoot() => _contentRoot = Directory.CreateTempSubdirectory("personamedia-startup-").FullName;

    [TearDown]
    public void DeleteContentRoot()
    {
        try
        {
            Directory.Delete(_contentRoot, recursive: true);
        }
        catch (IOException)
        {
            // A handle still closing; the OS cleans its temporary folder.
        }
    }

    private static string StartFailure(Exception? failure)
    {
        Assert.That(failure, Is.Not.Null, "the service started");
        var messages = new List<string>();
        for (var e = failure; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }

    [Test]
    public async Task Outside_development_a_missing_key_stops_the_start_and_says_how_to_set_it()
    {
        await using var app = new HostedApp("Production", _contentRoot);

        var message = StartFailure(app.TryStart());

        Assert.That(message, Does.Contain("Jwt:SigningKey is not configured").And.Contain("32 bytes").And.Contain("Jwt__SigningKey"));
        Assert.That(File.Exists(Path.Combine(_contentRoot, "data", SigningKeyProvider.DevelopmentKeyFileName)), Is.False,
            "no key is generated outside Development");
    }

    [TestCase("Production")]
    [TestCase("Staging")]
    [TestCase("Development")]
    public async Task A_configured_key_shorter_than_32_bytes_stops_the_start_in_any_environment(string environment)
    {
        var shortKey = new string('k', 31);
        await using var app = new HostedApp(environment, _contentRoot, new Dictionary<string, string?> { ["Jwt:SigningKey"] = shortKey });

        var message = StartFailure(app.TryStart());

        Assert.That(message, Does.Contain("31 bytes").And.Contain("at least 32 bytes"));
    }

    [TestCase("Production", SecretStrength.EnvExamplePlaceholder, "is a placeholder from the examples")]
    [TestCase("Development", SecretStrength.EnvExamplePlaceholder, "is a placeholder from the examples")]
    [TestCase("Production", "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk", "is one character repeated")]
    [TestCase("Production", "correct horse battery staple and some more", "contains whitespace")]
    public async Task A_key_that_is_not_secret_stops_the_start_saying_why(string environment, string key, string reason)
    {
        await using var app = new HostedApp(environment, _contentRoot, new Dictionary<string, string?> { ["Jwt:SigningKey"] = key });

        var message = StartFailure(app.TryStart());

        Assert.That(message, Does.Contain($"The JWT signing key from Jwt:SigningKey {reason}").And.Contain("Jwt__SigningKey"));
    }

    [Test]
    public async Task Outside_development_a_key_of_32_bytes_is_enough_and_there_is_no_scalar_page()
    {
        await using var app = new HostedApp("Production", _contentRoot, new Dictionary<string, string?>
        {
            ["Jwt:SigningKey"] = "k7Qm2xV9pL4sT8wB3nR6yH1cF5jD0gZa",
            ["Media:UrlSigningKeys:0"] = TestApp.UrlSigningKey,
        });

        Assert.That(app.TryStart(), Is.Null);
        var client = app.CreateClient();
        var ready = await client.GetAsync("/health/ready");
        var scalar = await client.GetAsync("/scalar");

        Assert.Multiple(() =>
        {
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(scalar.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task In_development_a_missing_key_is_generated_once_under_data_and_reused_after_a_restart()
    {
        var keyFile = Path.Combine(_contentRoot, "data", SigningKeyProvider.DevelopmentKeyFileName);
        string token;
        await using (var first = new HostedApp("Development", _contentRoot))
        {
            Assert.That(first.TryStart(), Is.Null);
            var response = await first.CreateClient().PostAsJsonAsync("/auth/register", new
            {
                email = "dev@example.com", username = "dev", password = TestApp.Password, full_name = "Dev",
            });
            token = (await Json.ReadAsync(response)).GetProperty("access_token").GetString()!;
        }

        Assert.That(File.Exists(keyFile), Is.True, "the generated key is kept under data/");
        Assert.That(File.Exists(Path.Combine(_contentRoot, "data", "personamedia.db")), Is.True, "the database is created under data/");
        var key = await File.ReadAllTextAsync(keyFile);
        Assert.That(Encoding.UTF8.GetByteCount(key.Trim()), Is.GreaterThanOrEqualTo(JwtOptions.MinimumKeyBytes));

        await using var second = new HostedApp("Development", _contentRoot);
        Assert.That(second.TryStart(), Is.Null);
        var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await client.GetAsync("/auth/me");
        var keyAfterRestart = await File.ReadAllTextAsync(keyFile);

        Assert.Multiple(() =>
        {
            Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a token from before the restart is still valid");
            Assert.That(keyAfterRestart, Is.EqualTo(key), "the key was not regenerated");
        });
    }

    [Test]
    public async Task In_development_the_scalar_page_serves_the_api_reference()
    {
        await using var app = new HostedApp("Development", _contentRoot);
        Assert.That(app.TryStart(), Is.Null);

        var response = await app.CreateClient().GetAsync("/scalar");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(page, Does.Contain("openapi/v1.json"));
        });
    }

    [Test]
    public async Task A_configured_key_wins_over_a_generated_one_in_development()
    {
        const string configured = "c0nf1gured-Dev-key-0f-f0rty-bytes-XyZ9876";
        await using var app = new HostedApp("Development", _contentRoot, new Dictionary<string, string?> { ["Jwt:SigningKey"] = configured });
        Assert.That(app.TryStart(), Is.Null);

        var response = await app.CreateClient().PostAsJsonAsync("/auth/register", new
        {
            email = "cfg@example.com", username = "cfg", password = TestApp.Password,
        });
        var token = (await Json.ReadAsync(response)).GetProperty("access_token").GetString()!;

        Assert.That(File.Exists(Path.Combine(_contentRoot, "data", SigningKeyProvider.DevelopmentKeyFileName)), Is.False);
        var validator = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        var result = await validator.ValidateTokenAsync(token, new Microsoft.IdentityModel.Tokens.TokenValidationParameters
        {
            ValidIssuer = "personamedia",
            ValidAudience = "personamedia",
            IssuerSigningKey = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured)),
        });
        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
    }
}
