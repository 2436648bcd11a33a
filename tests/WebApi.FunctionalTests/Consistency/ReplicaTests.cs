using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Consistency;

/// <summary>
/// Two published service processes over one SQLite database and one Azurite container, as two
/// replicas behind a load balancer: a mixed concurrent load (uploads, idempotent retries sent to
/// the other replica, downloads, description changes, file and persona deletes), each request to
/// a replica picked at random. No answer is a 5xx; every acknowledged upload reads back to the
/// byte from either replica; a retry on the other replica gets the same file; and afterwards the
/// store holds exactly the objects the database has rows for. Seconds of load:
/// <c>PERSONAMEDIA_TEST_REPLICAS_SECONDS</c> (5 in the test command; <c>scripts/replicas.sh</c> runs longer).
/// </summary>
[Category("Published")]
[NonParallelizable]
public sealed class ReplicaTests
{
    private const int Workers = 8;

    /// <summary>Each worker's least number of operations, however slow the machine: the load is bounded by count as well as time.</summary>
    private const int MinOperations = 15;
    private string _root = null!;
    private AzureTestStorage? _storage;

    [OneTimeSetUp]
    public async Task Publish() => await PublishedApp.FolderAsync();

    [SetUp]
    public void CreateRoot()
    {
        _storage = AzureTestStorage.Create();
        _root = Directory.CreateTempSubdirectory("personamedia-replicas-").FullName;
    }

    [TearDown]
    public async Task DeleteRoot()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
    }

    [Test]
    public async Task Two_replicas_over_one_database_and_one_store_pass_a_mixed_load_and_agree_afterwards()
    {
        var seconds = int.TryParse(System.Environment.GetEnvironmentVariable("PERSONAMEDIA_TEST_REPLICAS_SECONDS"), out var s) ? s : 5;
        var settings = _storage!.Settings.ToDictionary(e => e.Key.Replace(":", "__", StringComparison.Ordinal), e => e.Value);
        // One user's load, far above what one person sends: the per-user request limit is not what this test is about.
        settings["RateLimiting__Enabled"] = "false";
        // The first migrates the database; the second starts on it once it is there.
        await using var first = await RunningApp.StartAsync(_root, settings, TimeSpan.FromSeconds(120));
        await using var second = await RunningApp.StartAsync(_root, settings, TimeSpan.FromSeconds(120));
        var clients = new[] { first.CreateClient(), second.CreateClient() };
        var token = await PublishedAppClients.RegisterAsync(clients[0], "replica");
        foreach (var client in clients)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var personas = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            personas.Add(await PublishedAppClients.CreatePersonaAsync(clients[i % 2], "replica"));
        }

        var load = new Load(clients, personas);
        var until = DateTime.UtcNow.AddSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => load.RunAsync(new Random(w), until)));
        TestContext.Out.WriteLine($"{seconds} s on two replicas: {load.Summary}");

        await first.TerminateAsync();
        await second.TerminateAsync();
        Assert.That(await first.WaitForExitAsync(TimeSpan.FromSeconds(60)), Is.Zero, first.Output);
        Assert.That(await second.WaitForExitAsync(TimeSpan.FromSeconds(60)), Is.Zero, second.Output);

        await using var after = new TestApp(
            new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(_root, "personamedia.db")}" },
            _storage);
        var rows = await after.QueryAsync(db => db.MediaFiles.Select(f => new { f.Id, f.UserId, f.PersonaId, f.FileName, f.Sha256 }).ToListAsync());
        var rowKeys = rows.ToDictionary(f => MediaStorageKeys.For(f.UserId, f.PersonaId, f.FileName), f => f.Sha256);
        var rowIds = rows.Select(f => f.Id).ToHashSet();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(load.ServerErrors, Is.Empty, "answers of 500 and above");
            Assert.That(load.Failures, Is.Empty, "answers that were not what a user expects");
            Assert.That(load.AckedCount, Is.GreaterThan(Workers), "the load made hardly any upload");
            Assert.That(load.Replays, Is.GreaterThan(0), "no retry went to the other replica");
            Assert.That(load.Kept.Where(id => !rowIds.Contains(id)), Is.Empty, "acknowledged uploads without their row");
            Assert.That(load.Deleted.Where(rowIds.Contains), Is.Empty, "acknowledged deletes whose row is still there");
            Assert.That(await after.Storage.ListKeysAsync(), Is.EquivalentTo(rowKeys.Keys), "the store holds exactly the objects the database has rows for");
            Assert.That(await after.QueryAsync(db => db.PendingDeletions.CountAsync()), Is.Zero, "store deletions still owed");
            Assert.That(
                await after.QueryAsync(db => db.Users.Select(u => EF.Property<long>(u, "UsedBytes")).SumAsync()),
                Is.EqualTo(rows.Count == 0 ? 0 : await after.QueryAsync(db => db.MediaFiles.SumAsync(f => f.FileSize))),
                "the users' stored-byte counts against their rows");
        }

        foreach (var (key, sha256) in rowKeys)
        {
            Assert.That(Convert.ToHexStringLower(SHA256.HashData(await after.Storage.ReadAsync(key))), Is.EqualTo(sha256), key);
        }
    }

    /// <summary>The mixed load, and what each replica acknowledged.</summary>
    private sealed class Load(HttpClient[] replicas, List<int> personas)
    {
        private readonly ConcurrentDictionary<int, (int PersonaId, string Sha256)> _acked = new();
        private readonly ConcurrentDictionary<int, bool> _deleted = new();
        private readonly ConcurrentDictionary<int, bool> _deleting = new();
        private readonly ConcurrentQueue<string> _serverErrors = new();
        private readonly ConcurrentQueue<string> _failures = new();
        private int _replays;
        private int _requests;

        public int AckedCount => _acked.Count;

        public IEnumerable<int> Kept => _acked.Keys.Where(id => !_deleting.ContainsKey(id));

        public ICollection<int> Deleted => _deleted.Keys;

        public IReadOnlyCollection<string> ServerErrors => _serverErrors;

        public IReadOnlyCollection<string> Failures => _failures;

        public int Replays => _replays;

        public string Summary =>
            $"{_requests} requests, {_acked.Count} uploads acknowledged, {_replays} replayed on the other replica, {_deleted.Count} deletes";

        /// <summary>Runs operations until both <see cref="MinOperations"/> are done and <paramref name="until"/> has passed.</summary>
        public async Task RunAsync(Random random, DateTime until)
        {
            var stop = CancellationToken.None;
            for (var done = 0; done < MinOperations || DateTime.UtcNow < until; done++)
            {
                var replica = random.Next(2);
                switch (random.Next(10))
                {
                    case < 6 and >= 4 when Pick(random) is { } id:
                        await DownloadAsync(replicas[replica], id, stop);
                        break;
                    case 6 when Pick(random) is { } id:
                        await Expect(replicas[replica].PutAsJsonAsync($"/upload/files/{id}", new { description = "changed" }, stop),
                            "PUT description", HttpStatusCode.OK, HttpStatusCode.NotFound);
                        break;
                    case < 9 and >= 7 when Pick(random) is { } id:
                        _deleting[id] = true;
                        if (await Expect(replicas[replica].DeleteAsync($"/upload/files/{id}", stop), "DELETE file", HttpStatusCode.OK, HttpStatusCode.NotFound)
                            == HttpStatusCode.OK)
                        {
                            _deleted[id] = true;
                        }

                        break;
                    default:
                        await UploadAsync(random, replica, stop);
                        break;
                }
            }
        }

        /// <summary>An upload with an Idempotency-Key, and now and then its retry sent to the other replica.</summary>
        private async Task UploadAsync(Random random, int replica, CancellationToken stop)
        {
            var bytes = new byte[random.Next(2_000, 300_000)];
            random.NextBytes(bytes);
            ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
            png.CopyTo(bytes);
            var personaId = personas[random.Next(personas.Count)];
            var key = Guid.NewGuid().ToString();
            var (id, sha256) = await SendUploadAsync(replicas[replica], personaId, key, bytes, stop);
            if (id is null)
            {
                return;
            }

            // What the service says it stored (the privacy strip may have taken something out).
            _acked[id.Value] = (personaId, sha256!);
            if (random.Next(4) == 0)
            {
                var (again, _) = await SendUploadAsync(replicas[1 - replica], personaId, key, bytes, stop);
                if (again != id)
                {
                    _failures.Enqueue($"the retry of upload {id} on the other replica answered file {again}");
                }
                else
                {
                    Interlocked.Increment(ref _replays);
                }
            }
        }

        private async Task<(int? Id, string? Sha256)> SendUploadAsync(HttpClient replica, int personaId, string key, byte[] bytes, CancellationToken stop)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Uploads.ImageUrl(personaId))
            {
                Content = Uploads.Form(FormPart.File(bytes, "replica.png", "image/png")),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await replica.SendAsync(request, stop);
            var body = await response.Content.ReadAsStringAsync(stop);
            Record("upload", response.StatusCode, body, HttpStatusCode.OK);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (null, null);
            }

            var file = JsonDocument.Parse(body).RootElement;
            return (file.GetProperty("id").GetInt32(), file.GetProperty("sha256").GetString());
        }

        private async Task DownloadAsync(HttpClient replica, int id, CancellationToken stop)
        {
            using var response = await replica.GetAsync($"/upload/files/{id}/download", stop);
            if (Record("download", response.StatusCode, string.Empty, HttpStatusCode.OK, HttpStatusCode.NotFound) != HttpStatusCode.OK)
            {
                return;
            }

            var sha256 = Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync(stop)));
            if (sha256 != _acked[id].Sha256)
            {
                _failures.Enqueue($"file {id} read back other bytes");
            }
        }

        private async Task<HttpStatusCode> Expect(Task<HttpResponseMessage> send, string what, params HttpStatusCode[] expected)
        {
            using var response = await send;
            return Record(what, response.StatusCode, await response.Content.ReadAsStringAsync(), expected);
        }

        private HttpStatusCode Record(string what, HttpStatusCode status, string body, params HttpStatusCode[] expected)
        {
            Interlocked.Increment(ref _requests);
            if ((int)status >= 500)
            {
                _serverErrors.Enqueue($"{what}: {(int)status} {body}");
            }
            else if (!expected.Contains(status))
            {
                _failures.Enqueue($"{what}: {(int)status} {body}");
            }

            return status;
        }

        private int? Pick(Random random)
        {
            var live = _acked.Keys.Where(id => !_deleting.ContainsKey(id)).ToList();
            return live.Count == 0 ? null : live[random.Next(live.Count)];
        }
    }
}
