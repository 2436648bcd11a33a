using Microsoft.Data.Sqlite;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Consistency;

/// <summary>
/// The SQLite file lost while the store kept its files: the next start creates a fresh, empty
/// database, and the service must say so loudly rather than carry on silently over the old files.
/// </summary>
[Category("Published")]
[NonParallelizable]
public sealed class EmptyDatabaseOverFullStoreTests
{
    private string _root = null!;

    [OneTimeSetUp]
    public async Task Publish() => await PublishedApp.FolderAsync();

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("personamedia-emptydb-").FullName;

    [TearDown]
    public void DeleteRoot()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public async Task A_start_on_a_new_database_over_a_store_of_media_logs_a_critical_line_and_keeps_the_files()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "uploads", "3", "7")).FullName;
        var old = Path.Combine(folder, $"{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(old, Payloads.Jpeg());

        await using var app = await RunningApp.StartAsync(_root, new Dictionary<string, string?>(), TimeSpan.FromSeconds(90));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!app.Output.Contains("holds no media file", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(app.Output, Does.Contain("\"level\":\"Critical\"").And.Contain("holds no media file").And.Contain("3/7/"), app.Output);
            Assert.That(File.Exists(old), Is.True);
        }
    }

    [Test]
    public async Task A_start_on_a_new_database_over_an_empty_store_says_nothing_of_it()
    {
        await using var app = await RunningApp.StartAsync(_root, new Dictionary<string, string?>(), TimeSpan.FromSeconds(90));
        using var client = app.CreateClient();
        using (await client.GetAsync("/health/ready"))
        {
        }

        Assert.That(app.Output, Does.Not.Contain("holds no media file"));
    }
}
