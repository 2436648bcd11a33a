using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// Settings from secret files, as compose mounts them in <c>/run/secrets</c>: a file named
/// <c>ConnectionStrings__Default</c> is that setting, and it wins over the environment.
/// </summary>
[Category("Published")]
[NonParallelizable]
public sealed class SecretFilesTests
{
    private string _root = null!;

    [OneTimeSetUp]
    public async Task Publish() => await PublishedApp.FolderAsync();

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("personamedia-secrets-").FullName;

    [TearDown]
    public void DeleteRoot()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public async Task A_setting_in_a_secret_file_is_read_and_wins_over_the_environment()
    {
        var secrets = Directory.CreateDirectory(Path.Combine(_root, "secrets")).FullName;
        var fromFile = Path.Combine(_root, "from-secret-file.db");
        // As Docker writes them, with a final newline, which is not part of the value.
        await File.WriteAllTextAsync(Path.Combine(secrets, "ConnectionStrings__Default"), $"Data Source={fromFile}\n");

        await using var app = await RunningApp.StartAsync(_root, new Dictionary<string, string?>
        {
            ["SecretsDirectory"] = secrets,
        }, TimeSpan.FromSeconds(90));
        using var client = app.CreateClient();
        var register = await client.PostAsJsonAsync("/auth/register", new
        {
            email = "secret@example.com", username = "secret", password = TestApp.Password, full_name = "Secret",
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)register.StatusCode, Is.EqualTo(200), app.Output);
            Assert.That(File.Exists(fromFile), Is.True, "the database named by the secret file");
            Assert.That(File.Exists(Path.Combine(_root, "personamedia.db")), Is.False, "not the environment's");
        }
    }
}
