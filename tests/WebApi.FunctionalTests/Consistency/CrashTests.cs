using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Infrastructure.Files;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Consistency;

/// <summary>
/// The published service killed with SIGKILL at random moments while uploads, file deletes and a
/// persona's deletion run against it, restarted each round over the same SQLite file and upload
/// folder. At the end the retrier and the reconciler run as they would a while later, and then:
/// every upload that was answered 200 (and not deleted) has its row and its exact bytes, every
/// answered delete is gone, no row lacks its bytes, and no bytes lack a row. Rounds:
/// <c>PERSONAMEDIA_TEST_CRASH_ROUNDS</c> (3 by default; the soak mode runs more); the seed of the
/// kill times is printed, and <c>PERSONAMEDIA_TEST_CRASH_SEED</c> replays it.
/// </summary>
[Category("Published")]
[NonParallelizable]
public sealed class CrashTests
{
    private const int Workers = 6;
    private const int DoomedFiles = 25;

    /// <summary>One user's load, far above what one person sends: the per-user request limit is not what this test is about.</summary>
    private static readonly Dictionary<string, string?> Settings = new() { ["RateLimiting__Enabled"] = "false" };
    private string _root = null!;

    [OneTimeSetUp]
    public async Task Publish() => await PublishedApp.FolderAsync();

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("personamedia-crash-").FullName;

    [TearDown]
    public void DeleteRoot()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public async Task Killed_under_load_it_loses_nothing_it_acknowledged_and_the_store_ends_equal_to_the_database()
    {
        var rounds = int.TryParse(System.Environment.GetEnvironmentVariable("PERSONAMEDIA_TEST_CRASH_ROUNDS"), out var r) ? r : 3;
        var seed = int.TryParse(System.Environment.GetEnvironmentVariable("PERSONAMEDIA_TEST_CRASH_SEED"), out var s) ? s : Random.Shared.Next();
        TestContext.Out.WriteLine($"crash test: {rounds} rounds, seed {seed} (PERSONAMEDIA_TEST_CRASH_SEED replays it)");
        var random = new Random(seed);
        var ledger = new Ledger();
        string? token = null;
        var personas = new List<int>();

        for (var round = 1; round <= rounds; round++)
        {
            await using var app = await RunningApp.StartAsync(_root, Settings, TimeSpan.FromSeconds(120));
            using var client = app.CreateClient();
            if (token is null)
            {
                token = await PublishedAppClients.RegisterAsync(client, "crash");
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                for (var i = 0; i < 3; i++)
                {
                    personas.Add(await PublishedAppClients.CreatePersonaAsync(client, "crash"));
                }
            }

            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var doomed = await PublishedAppClients.CreatePersonaAsync(client, "crash");
            for (var i = 0; i < DoomedFiles; i++)
            {
                await ledger.UploadAsync(client, doomed, random.Next(), CancellationToken.None);
            }

            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, Workers)
                .Select(w => WorkAsync(client, ledger, personas, seed + (round * Workers) + w, stop.Token))
                .Append(DeletePersonaLaterAsync(client, ledger, doomed, TimeSpan.FromMilliseconds(random.Next(100, 900)), stop.Token))
                .ToArray();

            await Task.Delay(random.Next(400, 1600));
            await app.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(load);
            TestContext.Out.WriteLine($"round {round}: killed; {ledger.Summary}");
        }

        Assert.That(ledger.AckedUploads, Is.Not.Empty, "the load made no upload at all");

        // A while later: the same data, as the next process would find it once its background work ran.
        await using var later = new TestApp(
            new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(_root, "personamedia.db")}" },
            new LocalTestStorage(Path.Combine(_root, "uploads")));
        var clock = new ShiftedClock(TimeSpan.FromDays(2));
        var retrier = ActivatorUtilities.CreateInstance<PendingDeletionsRetrier>(later.Services, clock);
        await retrier.FinishStalledPersonaDeletionsAsync(CancellationToken.None);
        await retrier.RetryDueAsync(CancellationToken.None);
        var reconciler = ActivatorUtilities.CreateInstance<StoreReconciler>(
            later.Services, Options.Create(new ReconcilerOptions { MaxDeleteShare = 1 }), clock);
        var report = await reconciler.RunAsync(CancellationToken.None);

        var rows = await later.QueryAsync(db => db.MediaFiles.Select(f => new { f.Id, f.UserId, f.PersonaId, f.FileName, f.Sha256 }).ToListAsync());
        var keys = await later.Storage.ListKeysAsync();
        var rowKeys = rows.ToDictionary(f => MediaStorageKeys.For(f.UserId, f.PersonaId, f.FileName), f => f.Sha256);
        var rowsById = rows.ToDictionary(f => f.Id);
        // Uploads that nothing tried to delete; one whose delete died with the service may or may not be there.
        var kept = ledger.AckedUploads.Where(u => !ledger.MayBeDeleted(u.Key, u.Value.PersonaId)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.MissingBytes, Is.Zero, "rows whose bytes are missing");
            Assert.That(report.HeldBack, Is.Null);
            Assert.That(kept.Where(u => !rowsById.ContainsKey(u.Key)).Select(u => u.Key), Is.Empty, "acknowledged uploads without their row");
            Assert.That(kept.Where(u => rowsById.TryGetValue(u.Key, out var row) && row.Sha256 != u.Value.Sha256).Select(u => u.Key), Is.Empty,
                "acknowledged uploads whose row has other bytes");
            Assert.That(ledger.DeletedFiles.Where(rowsById.ContainsKey), Is.Empty, "acknowledged file deletes whose row is back");
            Assert.That(rows.Where(f => ledger.DeletedPersonas.Contains(f.PersonaId)).Select(f => f.Id), Is.Empty,
                "rows of personas whose delete was acknowledged");
            Assert.That(keys, Is.EquivalentTo(rowKeys.Keys), "the store holds exactly the objects the database has rows for");
            Assert.That(await later.QueryAsync(db => db.Personas.IgnoreQueryFilters().CountAsync(p => p.DeletionStartedAt != null)), Is.Zero,
                "persona deletions left unfinished");
            Assert.That(await later.QueryAsync(db => db.PendingDeletions.CountAsync()), Is.Zero, "store deletions still owed");
            Assert.That(
                await later.QueryAsync(db => db.Users.Select(u => EF.Property<long>(u, "UsedBytes")).SumAsync()),
                Is.EqualTo(rows.Count == 0 ? 0 : await later.QueryAsync(db => db.MediaFiles.SumAsync(f => f.FileSize))),
                "the users' stored-byte counts against their rows");
        }

        foreach (var key in keys)
        {
            Assert.That(Convert.ToHexStringLower(SHA256.HashData(await later.Storage.ReadAsync(key))), Is.EqualTo(rowKeys[key]), key);
        }
    }

    /// <summary>Uploads, and now and then deletes one of its own acknowledged files, until the service dies or the round ends.</summary>
    private static async Task WorkAsync(HttpClient client, Ledger ledger, List<int> personas, int seed, CancellationToken stop)
    {
        var random = new Random(seed);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (random.Next(4) == 0 && ledger.AnyAcked(random) is { } victim)
                {
                    ledger.DeletingFile(victim);
                    using var response = await client.DeleteAsync($"/upload/files/{victim}", stop);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        ledger.FileDeleted(victim);
                    }
                    else
                    {
                        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), await response.Content.ReadAsStringAsync(stop));
                    }
                }
                else
                {
                    await ledger.UploadAsync(client, personas[random.Next(personas.Count)], random.Next(), stop);
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // The service died under this request (or the round ended): its outcome is unknown, and nothing is asserted of it.
        }
    }

    private static async Task DeletePersonaLaterAsync(HttpClient client, Ledger ledger, int personaId, TimeSpan after, CancellationToken stop)
    {
        try
        {
            await Task.Delay(after, stop);
            ledger.DeletingPersona(personaId);
            using var response = await client.DeleteAsync($"/personas/{personaId}", stop);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync(stop));
            ledger.PersonaDeleted(personaId);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
        }
    }

    /// <summary>What the service acknowledged: the load tool's own record, kept across the kills.</summary>
    private sealed class Ledger
    {
        private readonly ConcurrentDictionary<int, (int PersonaId, string Sha256)> _uploads = new();
        private readonly ConcurrentDictionary<int, bool> _deletedFiles = new();
        private readonly ConcurrentDictionary<int, bool> _deletedPersonas = new();
        private readonly ConcurrentDictionary<int, bool> _deletingFiles = new();
        private readonly ConcurrentDictionary<int, bool> _deletingPersonas = new();

        public IReadOnlyDictionary<int, (int PersonaId, string Sha256)> AckedUploads => _uploads;

        public ICollection<int> DeletedFiles => _deletedFiles.Keys;

        public ICollection<int> DeletedPersonas => _deletedPersonas.Keys;

        public string Summary => $"{_uploads.Count} uploads, {_deletedFiles.Count} file deletes, {_deletedPersonas.Count} persona deletes acknowledged so far";

        /// <summary>Whether a delete of the file or its persona was sent, answered or not.</summary>
        public bool MayBeDeleted(int fileId, int personaId) => _deletingFiles.ContainsKey(fileId) || _deletingPersonas.ContainsKey(personaId);

        public void DeletingFile(int fileId) => _deletingFiles[fileId] = true;

        public void DeletingPersona(int personaId) => _deletingPersonas[personaId] = true;

        public int? AnyAcked(Random random)
        {
            var live = _uploads.Keys.Where(id => !_deletingFiles.ContainsKey(id)).ToList();
            return live.Count == 0 ? null : live[random.Next(live.Count)];
        }

        public void FileDeleted(int fileId) => _deletedFiles[fileId] = true;

        public void PersonaDeleted(int personaId) => _deletedPersonas[personaId] = true;

        /// <summary>Uploads a JPEG of random bytes and size; records it only once the service answered 200.</summary>
        public async Task UploadAsync(HttpClient client, int personaId, int seed, CancellationToken stop)
        {
            var random = new Random(seed);
            var bytes = new byte[random.Next(2_000, 200_000)];
            random.NextBytes(bytes);
            ReadOnlySpan<byte> jfif = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0];
            jfif.CopyTo(bytes);
            using var form = Uploads.Form(FormPart.File(bytes, "crash.jpg", "image/jpeg"));
            using var response = await client.PostAsync(Uploads.ImageUrl(personaId), form, stop);
            var body = await response.Content.ReadAsStringAsync(stop);
            if (response.StatusCode == HttpStatusCode.NotFound && _deletingPersonas.ContainsKey(personaId))
            {
                return;
            }

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            // What the service says it stored (the privacy strip may have taken something out).
            var file = JsonDocument.Parse(body).RootElement;
            _uploads[file.GetProperty("id").GetInt32()] = (personaId, file.GetProperty("sha256").GetString()!);
        }
    }
}
