using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// The README's SQLite backup, as an operator would take it: <c>scripts/ops/backup-sqlite.sh</c> while
/// uploads keep arriving, then <c>restore-sqlite.sh</c> into another place. Every row of the restored
/// database has its file, with the bytes its SHA-256 names; the service starts on the copy and serves them.
/// </summary>
[Category("Published")]
[NonParallelizable]
public sealed class BackupRestoreTests
{
    private string _root = null!;

    [OneTimeSetUp]
    public async Task Publish() => await PublishedApp.FolderAsync();

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("personamedia-backup-").FullName;

    [TearDown]
    public void DeleteRoot()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public async Task A_backup_taken_under_upload_load_restores_every_row_with_its_bytes()
    {
        var live = Directory.CreateDirectory(Path.Combine(_root, "live")).FullName;
        List<int> storedIds;
        await using (var app = await RunningApp.StartAsync(live, new Dictionary<string, string?>(), TimeSpan.FromSeconds(90)))
        {
            using var client = app.CreateClient();
            var register = await client.PostAsJsonAsync("/auth/register", new
            {
                email = "backup@example.com", username = "backup", password = TestApp.Password, full_name = "Backup",
            });
            register.EnsureSuccessStatusCode();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Bearer", (await register.JsonAsync()).GetProperty("access_token").GetString());
            var persona = (await (await client.PostAsJsonAsync("/personas/", new { name = "Grace" })).JsonAsync()).GetProperty("id").GetInt32();

            // Four writers upload distinct 256 KiB images before, during and after the backup.
            var ids = new System.Collections.Concurrent.ConcurrentBag<int>();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested && i < 2000; i++)
                {
                    var jpeg = Payloads.Jpeg(256 * 1024);
                    RandomNumberGenerator.Fill(jpeg.AsSpan(16));
                    var stored = await client.PostAsync(Uploads.ImageUrl(persona), Uploads.Form(FormPart.File(jpeg, $"w{w}-{i}.jpg", "image/jpeg"))).UploadOkAsync();
                    ids.Add(stored.GetProperty("id").GetInt32());
                }
            })).ToArray();
            while (ids.Count < 8)
            {
                await Task.Delay(20);
            }

            var uploadsWhenBackupBegan = ids.Count;
            var (backupExit, backupOutput) = await RunScriptAsync(
                "backup-sqlite.sh", Path.Combine(live, "personamedia.db"), Path.Combine(live, "uploads"), Path.Combine(_root, "backup"));
            var uploadsWhenBackupEnded = ids.Count;
            while (ids.Count < uploadsWhenBackupEnded + 8)
            {
                await Task.Delay(20);
            }

            await stop.CancelAsync();
            await Task.WhenAll(writers);
            storedIds = [.. ids];

            Assert.That(backupExit, Is.Zero, () => backupOutput);
            Assert.That(uploadsWhenBackupEnded, Is.GreaterThan(uploadsWhenBackupBegan), "uploads were stored while the backup ran");
        }

        var restored = Path.Combine(_root, "restored");
        var (restoreExit, restoreOutput) = await RunScriptAsync(
            "restore-sqlite.sh", Path.Combine(_root, "backup"), Path.Combine(restored, "personamedia.db"), Path.Combine(restored, "uploads"));
        Assert.That(restoreExit, Is.Zero, restoreOutput);

        var rows = await RowsAsync(Path.Combine(restored, "personamedia.db"));
        Assert.That(rows, Is.Not.Empty, "the backup holds the uploads stored before it began");
        using (Assert.EnterMultipleScope())
        {
            foreach (var row in rows)
            {
                var path = Path.Combine(restored, "uploads", $"{row.UserId}", $"{row.PersonaId}", row.FileName);
                Assert.That(File.Exists(path), Is.True, $"file {row.Id} ({row.FileName}) has its bytes");
                if (File.Exists(path))
                {
                    Assert.That(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))), Is.EqualTo(row.Sha256), $"file {row.Id}'s bytes");
                }
            }

            Assert.That(rows.Select(r => r.Id), Is.SubsetOf(storedIds));
            Assert.That(Directory.EnumerateFiles(Path.Combine(restored, "uploads"), "*.partial", SearchOption.AllDirectories), Is.Empty);
        }

        // The service starts on the copy and serves a restored file.
        await using var again = await RunningApp.StartAsync(restored, new Dictionary<string, string?>(), TimeSpan.FromSeconds(90));
        using var client2 = again.CreateClient();
        var login = await client2.PostAsJsonAsync("/auth/login", new { email = "backup@example.com", password = TestApp.Password });
        login.EnsureSuccessStatusCode();
        client2.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await login.JsonAsync()).GetProperty("access_token").GetString());
        var bytes = await client2.GetByteArrayAsync($"/upload/files/{rows[0].Id}/download");
        Assert.That(Convert.ToHexStringLower(SHA256.HashData(bytes)), Is.EqualTo(rows[0].Sha256));
    }

    private static Task<(int? ExitCode, string Output)> RunScriptAsync(string script, params string[] arguments) =>
        PublishedApp.RunAsync(
            "bash", [Path.Combine(PublishedApp.RepositoryRoot(), "scripts", "ops", script), .. arguments],
            PublishedApp.RepositoryRoot(), null, TimeSpan.FromMinutes(2));

    private static async Task<List<(int Id, int UserId, int PersonaId, string FileName, string Sha256)>> RowsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, user_id, persona_id, file_name, sha256 FROM media_files ORDER BY id";
        var rows = new List<(int, int, int, string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4)));
        }

        return rows;
    }
}
