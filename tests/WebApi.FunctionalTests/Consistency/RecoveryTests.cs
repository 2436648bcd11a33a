using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonaMedia.Domain.Media;
using PersonaMedia.Infrastructure.Persistence;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Consistency;

/// <summary>
/// Faults that pass, as an operator meets them, and the service coming back without a restart:
/// pooled SQLite connections that went read-only, and a blob endpoint that accepts connections and
/// never answers.
/// </summary>
[NonParallelizable]
public sealed class RecoveryTests
{
    [Test]
    public async Task After_the_database_refused_writes_for_a_moment_the_next_requests_succeed()
    {
        await using var app = new TestApp();
        var user = await app.CreateUserAsync();
        var connectionString = await app.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));

        // Every idle connection in the app's pool turned read-only, as the pool's connections do when
        // they are opened while the file is read-only (chmod 444; as root a permission cannot do it).
        PoisonThePool(connectionString, connections: 8);

        using var refused = await Json.PostAsync(user.Http, "/personas/", new { name = "During", relation_type = "friend" });
        using var next = await Json.PostAsync(user.Http, "/personas/", new { name = "After", relation_type = "friend" });
        using var upload = await user.UploadImageAsync(await user.CreatePersonaAsync(), Payloads.Jpeg());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ProblemAssert.Detail(await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable)), Does.Contain("database is unavailable"));
            Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the pool was emptied by the failure");
            Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await app.QueryAsync(db => db.Personas.Select(p => p.Name).ToListAsync()), Is.EquivalentTo(new[] { "After", "Persona" }));
        }
    }

    [Test]
    public async Task A_store_that_never_answers_gets_503_within_the_deadline_for_uploads_and_downloads()
    {
        using var blackHole = BlackHole.Start();
        await using var app = new TestApp(storage: new BlackHoleStorage(blackHole.Port, createContainer: false));
        using var configured = app.WithWebHostBuilder(b => b.UseSetting("Storage:OperationTimeoutSeconds", "2"));
        var user = await app.CreateUserAsync();
        using var client = Interleavings.ClientFor(configured, user);
        var personaId = await user.CreatePersonaAsync();
        var fileId = await InsertFileRowAsync(app, user.Id, personaId);

        var clock = Stopwatch.StartNew();
        using var upload = await client.PostAsync(Uploads.ImageUrl(personaId), Uploads.Form(FormPart.File(Payloads.Jpeg(), "a.jpg", "image/jpeg")));
        var uploadTook = clock.Elapsed;
        clock.Restart();
        using var download = await client.GetAsync($"/upload/files/{fileId}/download");
        var downloadTook = clock.Elapsed;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ProblemAssert.Detail(await ProblemAssert.IsProblemAsync(upload, HttpStatusCode.ServiceUnavailable)), Does.Contain("did not answer within 2 s"));
            Assert.That(upload.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(ProblemAssert.Detail(await ProblemAssert.IsProblemAsync(download, HttpStatusCode.ServiceUnavailable)), Does.Contain("did not answer within 2 s"));
            // Bounds on a hang, not a speed goal: without the deadline each waited over three minutes.
            Assert.That(uploadTook, Is.LessThan(TimeSpan.FromSeconds(30)));
            Assert.That(downloadTook, Is.LessThan(TimeSpan.FromSeconds(30)));
            Assert.That(await app.QueryAsync(db => db.MediaFiles.CountAsync()), Is.EqualTo(1), "no row for the refused upload");
            Assert.That(blackHole.Connections, Is.GreaterThan(0), "the store was really asked");
        }
    }

    [Test]
    public async Task A_start_against_a_store_that_never_answers_fails_within_the_deadline_and_says_why()
    {
        using var blackHole = BlackHole.Start();
        await using var app = new TestApp(storage: new BlackHoleStorage(blackHole.Port, createContainer: true));
        using var configured = app.WithWebHostBuilder(b => b.UseSetting("Storage:OperationTimeoutSeconds", "2"));

        var clock = Stopwatch.StartNew();
        var failure = Assert.Catch(() => configured.CreateClient());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure!.Message, Does.Contain("did not answer within 2 s").And.Contain("Storage:OperationTimeoutSeconds"));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "bound on a hang: it used to take 197 s");
        }
    }

    private static void PoisonThePool(string connectionString, int connections)
    {
        var opened = new List<SqliteConnection>();
        try
        {
            for (var i = 0; i < connections; i++)
            {
                var connection = new SqliteConnection(connectionString);
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA query_only = 1;";
                command.ExecuteNonQuery();
                opened.Add(connection);
            }
        }
        finally
        {
            // Closed, they go back to the pool, read-only.
            opened.ForEach(c => c.Dispose());
        }
    }

    private static Task<int> InsertFileRowAsync(TestApp app, int userId, int personaId) => app.QueryAsync(async db =>
    {
        var file = MediaFile.Create(
            userId, personaId, $"{Guid.NewGuid():N}.jpg", "a.jpg", MediaFormat.Jpeg, 100, new string('a', 64), null, DateTime.UtcNow);
        db.MediaFiles.Add(file);
        await db.SaveChangesAsync();
        return file.Id;
    });

    /// <summary>Azure settings pointing at a loopback port that accepts connections and never answers.</summary>
    private sealed class BlackHoleStorage(int port, bool createContainer) : ITestStorage
    {
        // Azurite's well-known development account, published in its documentation.
        private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

        public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:AzureBlob:ConnectionString"] =
                $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
            ["Storage:AzureBlob:Container"] = "media",
            ["Storage:AzureBlob:CreateContainer"] = createContainer ? "true" : "false",
        };

        public Task<IReadOnlyList<string>> ListKeysAsync() => Task.FromResult<IReadOnlyList<string>>([]);

        public Task<byte[]> ReadAsync(string key) => throw new NotSupportedException("Nothing is ever stored in a black hole.");

        public Task ResetAsync() => Task.CompletedTask;
    }

    /// <summary>A loopback listener that accepts every connection, reads what comes, and never answers.</summary>
    private sealed class BlackHole : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly List<TcpClient> _clients = [];
        private int _connections;

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref _connections);

        public static BlackHole Start()
        {
            var hole = new BlackHole();
            hole._listener.Start();
            _ = hole.AcceptAsync();
            return hole;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            lock (_clients)
            {
                _clients.ForEach(c => c.Dispose());
            }

            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    Interlocked.Increment(ref _connections);
                    lock (_clients)
                    {
                        _clients.Add(client);
                    }

                    _ = DrainAsync(client);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // Stopped.
            }
        }

        private async Task DrainAsync(TcpClient client)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                var stream = client.GetStream();
                while (await stream.ReadAsync(buffer, _stop.Token) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or IOException)
            {
                // Stopped, or the client gave up.
            }
        }
    }
}
