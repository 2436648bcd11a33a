using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Data.SqlClient;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// The published Release build, started as an operator starts it: culture data on wherever
/// SqlClient runs, an unreachable SQL Server reported in one line with its host and retry
/// policy, and each wrong setting refused at start with one line that names it, then exit code 1
/// (not an unhandled exception's 134 and its stack dump).
/// </summary>
[Category("Published")]
[NonParallelizable]
public sealed class PublishedAppStartupTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private string _root = null!;

    [OneTimeSetUp]
    public async Task Publish() => await PublishedApp.FolderAsync();

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("personamedia-operator-").FullName;

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task The_published_runtime_keeps_culture_data_and_sqlclient_fails_on_the_network_not_on_globalization()
    {
        var config = JsonNode.Parse(await File.ReadAllTextAsync(
            Path.Combine(await PublishedApp.FolderAsync(), "PersonaMedia.WebApi.runtimeconfig.json")))!;
        var invariant = config["runtimeOptions"]?["configProperties"]?["System.Globalization.Invariant"]?.GetValue<bool>() ?? false;
        Assert.That(invariant, Is.False, "SqlClient throws NotSupportedException in Globalization Invariant Mode");

        // This test process runs under the same switch (the same Directory.Build.props), so SqlClient here is SqlClient there.
        AppContext.TryGetSwitch("System.Globalization.Invariant", out var here);
        Assert.That(here, Is.EqualTo(invariant));

        await using var connection = new SqlConnection(new SqlConnectionStringBuilder
        {
            DataSource = $"127.0.0.1,{ClosedPort()}",
            ConnectTimeout = 5,
            Encrypt = SqlConnectionEncryptOption.Optional,
        }.ConnectionString);
        var failure = await Assert.CatchAsync(() => connection.OpenAsync());
        Assert.That(failure, Is.TypeOf<SqlException>(), failure?.ToString());
    }

    [Test]
    public async Task On_an_unreachable_sql_server_it_says_so_in_one_line_with_host_and_retry_policy_and_exits_1()
    {
        var port = ClosedPort();
        var (exit, output) = await PublishedApp.StartAsync(_root, new Dictionary<string, string?>
        {
            ["Database__Provider"] = "SqlServer",
            ["ConnectionStrings__Default"] = $"Server=127.0.0.1,{port};Database=PersonaMedia;User ID=sa;Password=not-used;Encrypt=False;Connect Timeout=3",
            ["Database__MaxRetryCount"] = "1",
            ["Database__MaxRetryDelaySeconds"] = "1",
        }, StartTimeout);

        Assert.That(exit, Is.EqualTo(1), output);
        AssertOneLine(output, $"Cannot reach SQL Server at 127.0.0.1,{port} (database PersonaMedia)");
        Assert.That(output, Does.Contain("up to 1 retries, at most 1 s apart"));
        Assert.That(output, Does.Not.Contain("NotSupportedException").And.Not.Contain("Invariant"));
    }

    private static readonly object[] WrongSettings =
    [
        new object[] { "Storage__Provider=AzureBlob;Storage__AzureBlob__ConnectionString=not a connection string", "Storage:AzureBlob:ConnectionString is not an Azure Storage connection string" },
        new object[] { "Database__Provider=SqlServer;ConnectionStrings__Default=garbage", "ConnectionStrings:Default is not a SQL Server connection string" },
        new object[] { "ConnectionStrings__Default=garbage", "ConnectionStrings:Default is not a SQLite connection string" },
        new object[] { "Logging__LogLevel__Default=Verbose", "Logging:LogLevel:Default 'Verbose' is not a log level" },
        new object[] { "Logging__LogLevel__Microsoft.AspNetCore=1", "Logging:LogLevel:Microsoft.AspNetCore '1' is not a log level" },
        new object[] { "Database__Provider=1", "Database:Provider '1' is not supported" },
        new object[] { "Database__Provider=Postgres", "Database:Provider 'Postgres' is not supported" },
        new object[] { "Database__Provider=SqlServer;ConnectionStrings__Default=", "Database:Provider is SqlServer but ConnectionStrings:Default is empty" },
        new object[] { "Jwt__Issuer=", "Jwt:Issuer is empty" },
        new object[] { "Jwt__Audience= ", "Jwt:Audience is empty" },
        new object[] { "Jwt__AccessTokenMinutes=-5", "Jwt:AccessTokenMinutes -5 must lie between 1 and" },
        new object[] { "Jwt__SigningKey=", "Jwt:SigningKey is not configured" },
        new object[] { "Jwt__SigningKey=short", "is 5 bytes; it must be at least 32 bytes" },
        new object[] { "Jwt__SigningKey=change-me-to-a-random-key-of-at-least-32-bytes", "Jwt:SigningKey is a placeholder from the examples" },
        new object[] { "Cors__AllowedOrigins=https://app.example.com", "Cors:AllowedOrigins is set as one value" },
        new object[] { "Cors__AllowedOrigins__0=https://app.example.com/", "Cors:AllowedOrigins:0 'https://app.example.com/' has more than scheme://host[:port]" },
        new object[] { "Cors__AllowedOrigins__0=https://a.example.com,https://b.example.com", "is a comma list" },
        new object[] { "Cors__AllowedOrigins__0=app.example.com", "is not an origin" },
        new object[] { "Storage__Local__RootPath=", "Storage:Local:RootPath is empty" },
        new object[] { "Storage__Provider=S3", "Storage:Provider 'S3' is not supported" },
        new object[] { "Storage__Provider=AzureBlob", "neither Storage:AzureBlob:ConnectionString nor Storage:AzureBlob:ServiceUri is set" },
        new object[] { "Database__MaxRetryCount=-1", "Database:MaxRetryCount -1 must lie between 0 and 100" },
        new object[] { "Database__SqliteSynchronous=Off", "Database:SqliteSynchronous 'Off' is not supported: set it to Full" },
    ];

    [TestCaseSource(nameof(WrongSettings))]
    public async Task A_wrong_setting_is_refused_at_start_in_one_line_with_exit_code_1(string settings, string expected)
    {
        var values = settings.Split(';').Select(s => s.Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv[1]);

        var (exit, output) = await PublishedApp.StartAsync(_root, values, StartTimeout);

        Assert.That(exit, Is.EqualTo(1), output);
        AssertOneLine(output, expected);
        Assert.That(Directory.Exists(Path.Combine(_root, "uploads")), Is.False, "nothing is created before the settings are checked");
    }

    [Test]
    public async Task Relative_paths_are_taken_from_the_application_folder_whoever_starts_it_from_wherever_and_the_settings_are_logged_once()
    {
        var folder = await PublishedApp.FolderAsync();
        var store = $"uploads-{Guid.NewGuid():N}";
        var database = $"data/db-{Guid.NewGuid():N}.db";
        try
        {
            var (exit, output) = await PublishedApp.StartAsync(_root, new Dictionary<string, string?>
            {
                ["ConnectionStrings__Default"] = $"Data Source={database}",
                ["Storage__Local__RootPath"] = store,
                ["Cors__AllowedOrigins__0"] = "https://app.example.com",
            }, StartTimeout, workingDirectory: _root);

            Assert.That(exit, Is.Null, $"still running, listening: {output}");
            var settingsLines = output.Split('\n').Where(l => l.Contains("Settings: ", StringComparison.Ordinal)).ToList();
            Assert.That(settingsLines, Has.Count.EqualTo(1), output);
            var line = settingsLines[0];
            using (Assert.EnterMultipleScope())
            {
                Assert.That(line, Does.Contain($"database Sqlite at {Path.Combine(folder, database)}, synchronous=FULL"));
                Assert.That(line, Does.Contain($"storage Local at {Path.Combine(folder, store)}"));
                Assert.That(line, Does.Contain("CORS origins https://app.example.com"));
                Assert.That(line, Does.Contain("signing key configured").And.Not.Contain("published-app-tests-signing-key"));
                Assert.That(File.Exists(Path.Combine(folder, database)), Is.True, "the database is in the application folder");
                Assert.That(Directory.EnumerateFileSystemEntries(_root), Is.Empty, "nothing lands in the working directory");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { Path.Combine(folder, store), Path.Combine(folder, "data") })
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
            }
        }
    }

    /// <summary>The problem is logged once, through the logger, and nothing else looks like a crash.</summary>
    private static void AssertOneLine(string output, string expected)
    {
        var lines = output.Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Count(l => l.Contains(expected, StringComparison.Ordinal)), Is.EqualTo(1), output);
            Assert.That(output, Does.Not.Contain("Unhandled exception").And.Not.Contain("   at "), "no stack trace");
        }
    }

    /// <summary>A loopback port nothing listens on: bound, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
