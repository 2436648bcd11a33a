using System.Net;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Infrastructure.Files;
using PersonaMedia.Infrastructure.Persistence;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Consistency;

/// <summary>
/// One fault at a time, injected at one step of an upload through the real pipeline on every
/// backend: the client gets a clear 503 (or 507 for a full disk) problem+json, never a 500, and
/// afterwards the store holds exactly the files the database has rows for; no temporary file, no
/// stray bytes.
/// </summary>
public class FaultInjectionTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private volatile Func<StoreStep, Exception?> _storeFault = _ => null;
    private volatile bool _saveFails;
    private WebApplicationFactory<Program> _faulty = null!;
    private UserClient _user = null!;
    private HttpClient _client = null!;
    private int _personaId;

    [OneTimeSetUp]
    public void InstallFaults()
    {
        if (UnavailableReason is null)
        {
            _faulty = App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            {
                var store = services.Last(d => d.ServiceType == typeof(IFileStore));
                var inner = store.ImplementationFactory
                    ?? throw new InvalidOperationException("The file store is not registered by factory.");
                services.Remove(store);
                services.AddSingleton<IFileStore>(sp => new FaultyFileStore((IFileStore)inner(sp), step => _storeFault(step)));
                services.AddScoped<IUnitOfWork>(sp => new FaultyUnitOfWork(sp.GetRequiredService<AppDbContext>(), () => _saveFails));
            }));
        }
    }

    [OneTimeTearDown]
    public async Task RemoveFaults()
    {
        if (_faulty is not null)
        {
            await _faulty.DisposeAsync();
        }
    }

    [SetUp]
    public async Task SignIn()
    {
        _storeFault = _ => null;
        _saveFails = false;
        _user = await App.CreateUserAsync();
        _client = Interleavings.ClientFor(_faulty, _user);
        _personaId = await _user.CreatePersonaAsync();
        // One file that must survive every fault next to it.
        using var kept = await _client.PostAsync(Uploads.ImageUrl(_personaId), Form());
        Assert.That(kept.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TearDown]
    public void Dispose() => _client.Dispose();

    [TestCase(StoreStep.Begin)]
    [TestCase(StoreStep.Write)]
    [TestCase(StoreStep.Commit)]
    public async Task A_store_failing_during_an_upload_answers_503_and_leaves_nothing(StoreStep failing)
    {
        _storeFault = step => step == failing ? new IOException("Input/output error") : null;

        using var response = await _client.PostAsync(Uploads.ImageUrl(_personaId), Form());

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ProblemAssert.Detail(problem), Does.Contain("file store failed").And.Not.Contain("Input/output"), "no internals");
            Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
        }

        await AssertStoreEqualsDatabaseAsync(expectedFiles: 1);
    }

    [Test]
    public async Task A_database_failing_on_save_answers_503_and_takes_the_stored_bytes_back()
    {
        _saveFails = true;

        using var response = await _client.PostAsync(Uploads.ImageUrl(_personaId), Form());

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.That(ProblemAssert.Detail(problem), Does.Contain("database is unavailable"));
        await AssertStoreEqualsDatabaseAsync(expectedFiles: 1);
    }

    [TestCase(StoreStep.Write)]
    [TestCase(StoreStep.Commit)]
    public async Task A_full_disk_answers_507_and_leaves_nothing(StoreStep failing)
    {
        // What .NET throws on Linux for ENOSPC: an IOException whose HResult is the errno.
        _storeFault = step => step == failing ? new IOException("No space left on device", 28) : null;

        using var response = await _client.PostAsync(Uploads.ImageUrl(_personaId), Form());

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InsufficientStorage);
        Assert.That(ProblemAssert.Detail(problem), Does.Contain("disk is full"));
        await AssertStoreEqualsDatabaseAsync(expectedFiles: 1);
    }

    [Test]
    public async Task A_client_aborting_mid_body_leaves_nothing()
    {
        var body = new MultipartFormDataContent { { new AbortingContent(Payloads.Jpeg(512 * 1024), abortAfter: 128 * 1024), "file", "a.jpg" } };

        Assert.That(async () => await _client.PostAsync(Uploads.ImageUrl(_personaId), body), Throws.InstanceOf<Exception>());

        // The server side finishes its clean-up on its own time.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await App.Storage.ListKeysAsync()).Count > 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await AssertStoreEqualsDatabaseAsync(expectedFiles: 1);
    }

    [Test]
    public async Task A_download_from_a_failing_store_answers_503()
    {
        var fileId = await App.QueryAsync(db => db.MediaFiles.Select(f => f.Id).SingleAsync());
        _storeFault = step => step == StoreStep.Open ? new IOException("Input/output error") : null;

        using var response = await _client.GetAsync($"/upload/files/{fileId}/download");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
    }

    [Test]
    public async Task Azure_answering_503_twice_is_retried_and_the_upload_succeeds()
    {
        await using var azure = AzureWithFaults(failFirst: 2);
        using var client = Interleavings.ClientFor(azure.App, _user);

        using var response = await client.PostAsync(Uploads.ImageUrl(_personaId), Form());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            Assert.That(azure.Refused, Is.EqualTo(2));
        }

        await AssertStoreEqualsDatabaseAsync(expectedFiles: 2);
    }

    [Test]
    public async Task Azure_answering_503_always_gives_the_client_a_clean_503()
    {
        await using var azure = AzureWithFaults(failFirst: int.MaxValue);
        using var client = Interleavings.ClientFor(azure.App, _user);

        using var response = await client.PostAsync(Uploads.ImageUrl(_personaId), Form());

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ProblemAssert.Detail(problem), Does.Contain("file store is unavailable"));
            Assert.That(azure.Refused, Is.GreaterThan(2), "the SDK retried before giving up");
        }

        await AssertStoreEqualsDatabaseAsync(expectedFiles: 1);
    }

    private static MultipartFormDataContent Form() => Uploads.Form(FormPart.File(Payloads.Jpeg(200 * 1024), "a.jpg", "image/jpeg"));

    /// <summary>Every row's bytes are stored, and nothing else is: no stray object, no temporary file.</summary>
    private async Task AssertStoreEqualsDatabaseAsync(int expectedFiles)
    {
        var rows = await App.QueryAsync(db => db.MediaFiles.AsNoTracking().Select(f => new { f.UserId, f.PersonaId, f.FileName }).ToListAsync());
        var keys = await App.Storage.ListKeysAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows, Has.Count.EqualTo(expectedFiles), "rows");
            Assert.That(keys, Is.EquivalentTo(rows.Select(r => MediaStorageKeys.For(r.UserId, r.PersonaId, r.FileName))), "stored objects");
        }
    }

    /// <summary>
    /// The app on the real Azure store (Azurite) whose HTTP transport answers the first
    /// <paramref name="failFirst"/> requests with 503 itself, so the SDK's own retries are what is tried.
    /// </summary>
    private AzureFaults AzureWithFaults(int failFirst)
    {
        if (App.Storage is not AzureTestStorage azure)
        {
            Assert.Ignore($"Azure's own 503s are injected into the Azure store; this environment's store is {App.Storage.GetType().Name}.");
            throw new InvalidOperationException();
        }

        var faults = new AzureFaults(failFirst);
        faults.App = App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            var options = AzureBlobFileStore.CreateClientOptions();
            options.Transport = new HttpClientTransport(new HttpClient(faults.Handler));
            // Short waits between the tries, so the test does not sit out the production back-off.
            options.Retry.Delay = TimeSpan.FromMilliseconds(20);
            options.Retry.MaxDelay = TimeSpan.FromMilliseconds(100);
            var container = new BlobContainerClient(
                azure.Settings["Storage:AzureBlob:ConnectionString"], azure.Settings["Storage:AzureBlob:Container"], options);
            services.Remove(services.Last(d => d.ServiceType == typeof(IFileStore)));
            services.AddSingleton<IFileStore>(new AzureBlobFileStore(container, AzureBlobFileStoreOptions.DefaultBlockSize));
        }));
        return faults;
    }

    private sealed class AzureFaults(int failFirst) : IAsyncDisposable
    {
        private int _requests;

        public int FailFirst { get; } = failFirst;

        public WebApplicationFactory<Program> App { get; set; } = null!;

        public int Refused => Math.Min(Volatile.Read(ref _requests), FailFirst);

        public DelegatingHandler Handler => new ServiceUnavailableFirst(this);

        public ValueTask DisposeAsync() => App.DisposeAsync();

        private sealed class ServiceUnavailableFirst(AzureFaults faults) : DelegatingHandler(new SocketsHttpHandler())
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                Interlocked.Increment(ref faults._requests) <= faults.FailFirst
                    ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request })
                    : base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>The app's unit of work, refusing to save when told to, as SQLite does on a disk I/O error.</summary>
    private sealed class FaultyUnitOfWork(AppDbContext db, Func<bool> fails) : IUnitOfWork
    {
        public Task SaveChangesAsync(CancellationToken cancellationToken) => fails()
            ? throw new DbUpdateException("An error occurred while saving the entity changes.", new SqliteException("SQLite Error 10: 'disk I/O error'.", 10))
            : ((IUnitOfWork)db).SaveChangesAsync(cancellationToken);
    }

    /// <summary>A body that sends part of its bytes and then fails, as a client whose connection drops.</summary>
    private sealed class AbortingContent(byte[] bytes, int abortAfter) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(bytes.AsMemory(0, abortAfter));
            await stream.FlushAsync();
            throw new IOException("The client's connection dropped.");
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}
