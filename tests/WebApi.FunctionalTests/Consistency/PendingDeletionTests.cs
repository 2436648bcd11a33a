using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Consistency;

/// <summary>
/// Deletes whose bytes cannot go at once: the store refuses every delete, the client still gets
/// its 200 (the rows are gone), the bytes are recorded as pending deletions in the database, and
/// once the store recovers the running service's own retrier removes them and their entries.
/// </summary>
public class PendingDeletionTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private readonly StoreFaults _faults = new();
    private WebApplicationFactory<Program> _faulty = null!;
    private UserClient _user = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void InstallFaultyStore()
    {
        if (UnavailableReason is null)
        {
            _faulty = App.WithWebHostBuilder(builder =>
            {
                builder.UseSetting("Storage:PendingDeletions:RetryIntervalSeconds", "1");
                builder.ConfigureTestServices(services =>
                {
                    var registered = services.Last(d => d.ServiceType == typeof(IFileStore));
                    var inner = registered.ImplementationFactory
                        ?? throw new InvalidOperationException("The file store is not registered by factory.");
                    services.Remove(registered);
                    services.AddSingleton<IFileStore>(sp => new FaultyDeletes((IFileStore)inner(sp), _faults));
                });
            });
        }
    }

    [OneTimeTearDown]
    public async Task RemoveFaultyStore()
    {
        if (_faulty is not null)
        {
            await _faulty.DisposeAsync();
        }
    }

    [SetUp]
    public async Task SignIn()
    {
        _faults.DeletesFail = true;
        _user = await App.CreateUserAsync();
        _client = Interleavings.ClientFor(_faulty, _user);
    }

    [TearDown]
    public void Dispose() => _client.Dispose();

    [Test]
    public async Task A_file_whose_bytes_cannot_be_deleted_is_gone_for_the_client_and_its_bytes_go_later()
    {
        var personaId = await _user.CreatePersonaAsync();
        var fileId = await UploadAsync(personaId);
        var key = (await App.Storage.ListKeysAsync()).Single();

        using (var deleted = await _client.DeleteAsync($"/upload/files/{fileId}"))
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using (var gone = await _client.GetAsync($"/upload/files/{fileId}"))
        {
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }

        var pending = await App.QueryAsync(db => db.PendingDeletions.AsNoTracking().SingleAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(pending.Key, Is.EqualTo(key));
            Assert.That(pending.Attempts, Is.EqualTo(1));
            Assert.That(pending.LastError, Does.Contain("store refuses deletes"));
            Assert.That(await App.Storage.ListKeysAsync(), Is.EqualTo(new[] { key }), "the bytes wait");
        });

        await RecoverAndAwaitRetrierAsync();

        Assert.That(await App.Storage.ListKeysAsync(), Is.Empty);
    }

    [Test]
    public async Task A_persona_whose_bytes_cannot_be_deleted_is_gone_and_its_folder_goes_later()
    {
        var personaId = await _user.CreatePersonaAsync();
        await UploadAsync(personaId);
        await UploadAsync(personaId);

        using (var deleted = await _client.DeleteAsync($"/personas/{personaId}"))
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var pending = await App.QueryAsync(db => db.PendingDeletions.AsNoTracking().SingleAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(pending.Key, Is.EqualTo($"{_user.Id}/{personaId}/"));
            Assert.That(pending.IsPrefix, Is.True);
            Assert.That(await App.QueryAsync(db => db.MediaFiles.CountAsync()), Is.Zero, "media rows");
            Assert.That(await App.Storage.ListKeysAsync(), Has.Count.EqualTo(2), "the bytes wait");
        });

        await RecoverAndAwaitRetrierAsync();

        Assert.That(await App.Storage.ListKeysAsync(), Is.Empty);
        if (App.Storage is LocalTestStorage local)
        {
            Assert.That(Directory.EnumerateDirectories(local.Root, "*", SearchOption.AllDirectories), Is.Empty, "folders");
        }
    }

    [Test]
    public async Task A_delete_the_store_completes_leaves_no_entry()
    {
        _faults.DeletesFail = false;
        var personaId = await _user.CreatePersonaAsync();
        var fileId = await UploadAsync(personaId);

        using (var deleted = await _client.DeleteAsync($"/upload/files/{fileId}"))
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await App.QueryAsync(db => db.PendingDeletions.CountAsync()), Is.Zero, "pending deletions");
            Assert.That(await App.Storage.ListKeysAsync(), Is.Empty, "stored objects");
        });
    }

    [Test]
    public async Task Entries_still_failing_are_kept_and_pushed_back()
    {
        var personaId = await _user.CreatePersonaAsync();
        var fileId = await UploadAsync(personaId);
        using (var deleted = await _client.DeleteAsync($"/upload/files/{fileId}"))
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await deleted.Content.ReadAsStringAsync());
        }

        Assert.That(await App.QueryAsync(db => db.PendingDeletions.CountAsync()), Is.EqualTo(1), "the delete the store refused is owed");
        await MakeEntriesDueAsync();
        await PollAsync(async () => (await App.QueryAsync(db => db.PendingDeletions.AsNoTracking().SingleOrDefaultAsync()))?.Attempts >= 2);

        var pending = await App.QueryAsync(db => db.PendingDeletions.AsNoTracking().SingleAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(pending.NextAttemptAt, Is.GreaterThan(DateTime.UtcNow.AddSeconds(30)), "backed off");
            Assert.That(await App.Storage.ListKeysAsync(), Has.Count.EqualTo(1));
        });
    }

    private async Task<int> UploadAsync(int personaId) =>
        (await _user.UploadImageAsync(personaId, Payloads.Jpeg()).UploadOkAsync()).GetProperty("id").GetInt32();

    /// <summary>The store works again and the entries are due: the service's retrier (every second here) finishes them.</summary>
    private async Task RecoverAndAwaitRetrierAsync()
    {
        _faults.DeletesFail = false;
        await MakeEntriesDueAsync();
        await PollAsync(async () => await App.QueryAsync(db => db.PendingDeletions.CountAsync()) == 0);
    }

    private Task<int> MakeEntriesDueAsync() => App.QueryAsync(db => db.PendingDeletions.ExecuteUpdateAsync(
        s => s.SetProperty(d => d.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1))));

    private static async Task PollAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await done())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the retrier did not get there in 20 s");
            await Task.Delay(100);
        }
    }

    private sealed class StoreFaults
    {
        public volatile bool DeletesFail;
    }

    private sealed class FaultyDeletes(IFileStore inner, StoreFaults faults) : IFileStore
    {
        public Task<IFileUpload> BeginUploadAsync(string key, CancellationToken cancellationToken) =>
            inner.BeginUploadAsync(key, cancellationToken);

        public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) =>
            inner.OpenReadAsync(key, cancellationToken);

        public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) =>
            faults.DeletesFail ? throw new IOException("The store refuses deletes") : inner.DeleteAsync(key, cancellationToken);

        public Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken) =>
            faults.DeletesFail ? throw new IOException("The store refuses deletes") : inner.DeletePrefixAsync(prefix, cancellationToken);

        public IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken) =>
            inner.ListAsync(prefix, cancellationToken);

        public Task<int> RemoveLeftoversAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
            inner.RemoveLeftoversAsync(cutoff, cancellationToken);
    }
}
