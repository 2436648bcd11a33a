using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonaMedia.Infrastructure.Files;
using PersonaMedia.Infrastructure.Repositories;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Consistency;

/// <summary>
/// Deleting a persona with many files: it is gone for everyone from the first statement, its rows
/// go in batches of <c>Database:DeleteBatchSize</c> (3 here, so 10 files take four), its bytes
/// after the last row, and a deletion the process did not finish is finished by the retrier.
/// </summary>
public class PersonaDeletionTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private const int Files = 10;
    private readonly Interleavings _interleavings = new();
    private WebApplicationFactory<Program> _paused = null!;
    private UserClient _user = null!;
    private HttpClient _pausedClient = null!;

    [OneTimeSetUp]
    public void InstallSeams()
    {
        if (UnavailableReason is null)
        {
            _paused = Interleavings.Install(App, _interleavings)
                .WithWebHostBuilder(builder => builder.UseSetting("Database:DeleteBatchSize", "3"));
        }
    }

    [OneTimeTearDown]
    public async Task RemoveSeams()
    {
        if (_paused is not null)
        {
            await _paused.DisposeAsync();
        }
    }

    [SetUp]
    public async Task SignIn()
    {
        _interleavings.Clear();
        _user = await App.CreateUserAsync();
        _pausedClient = Interleavings.ClientFor(_paused, _user);
    }

    [TearDown]
    public void Dispose() => _pausedClient.Dispose();

    [Test]
    public async Task A_persona_with_many_files_goes_in_batches_and_is_gone_for_everyone_from_the_first()
    {
        var personaId = await PersonaWithFilesAsync();
        var pause = _interleavings.AfterDeleteBatch = new Pause();

        var delete = _pausedClient.DeleteAsync($"/personas/{personaId}");
        await pause.Reached;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await App.QueryAsync(db => db.MediaFiles.CountAsync()), Is.EqualTo(Files - 3), "one batch of rows gone");
            Assert.That(await App.Storage.ListKeysAsync(), Has.Count.EqualTo(Files), "the bytes stay until the last row has gone");
            Assert.That((await _user.Http.GetAsync($"/personas/{personaId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await (await _user.Http.GetAsync("/personas/")).Content.ReadAsStringAsync(), Is.EqualTo("[]"));
            Assert.That((await _user.Http.GetAsync($"/upload/persona/{personaId}/files")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            using var upload = await _user.UploadImageAsync(personaId, Payloads.Jpeg());
            Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no upload joins a persona being deleted");
            using var again = await _user.Http.DeleteAsync($"/personas/{personaId}");
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a second DELETE finds nothing to delete");
        }

        pause.Release();
        using var deleted = await delete;

        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await deleted.Content.ReadAsStringAsync());
        await AssertNothingLeftAsync();
    }

    [Test]
    public async Task A_deletion_the_process_did_not_finish_is_finished_by_the_retrier()
    {
        var personaId = await PersonaWithFilesAsync();
        // What a process killed after its second batch leaves: the mark, some rows, every byte.
        await App.QueryAsync(db => db.Personas.IgnoreQueryFilters().Where(p => p.Id == personaId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.DeletionStartedAt, DateTime.UtcNow.AddMinutes(-2))));
        await App.QueryAsync(async db => await MediaFileRepository.RemoveFilesAsync(
            db, _user.Id, await db.MediaFiles.OrderBy(f => f.Id).Take(6).Select(f => f.Id).ToListAsync(), CancellationToken.None));
        Assert.That((await _user.Http.GetAsync($"/personas/{personaId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var finished = await App.Services.GetRequiredService<PendingDeletionsRetrier>().FinishStalledPersonaDeletionsAsync(CancellationToken.None);

        Assert.That(finished, Is.EqualTo(1));
        await AssertNothingLeftAsync();
    }

    [Test]
    public async Task The_retrier_leaves_a_deletion_that_a_request_is_still_running_alone()
    {
        var personaId = await PersonaWithFilesAsync(count: 2);
        await App.QueryAsync(db => db.Personas.IgnoreQueryFilters().Where(p => p.Id == personaId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.DeletionStartedAt, DateTime.UtcNow)));

        var finished = await App.Services.GetRequiredService<PendingDeletionsRetrier>().FinishStalledPersonaDeletionsAsync(CancellationToken.None);

        Assert.That(finished, Is.Zero);
        Assert.That(await App.QueryAsync(db => db.MediaFiles.CountAsync()), Is.EqualTo(2));
        Assert.That(await App.Storage.ListKeysAsync(), Has.Count.EqualTo(2));
    }

    private async Task<int> PersonaWithFilesAsync(int count = Files)
    {
        var personaId = await _user.CreatePersonaAsync();
        for (var i = 0; i < count; i++)
        {
            await _user.UploadImageAsync(personaId, Payloads.Jpeg(1000 + i)).UploadOkAsync();
        }

        return personaId;
    }

    private async Task AssertNothingLeftAsync()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await App.QueryAsync(db => db.MediaFiles.CountAsync()), Is.Zero, "media rows");
            Assert.That(await App.QueryAsync(db => db.Personas.IgnoreQueryFilters().CountAsync()), Is.Zero, "persona rows, marked ones included");
            Assert.That(await App.Storage.ListKeysAsync(), Is.Empty, "stored objects");
            Assert.That(await App.QueryAsync(db => db.PendingDeletions.CountAsync()), Is.Zero, "pending deletions");
            Assert.That(await App.QueryAsync(db => db.Users.Select(u => EF.Property<long>(u, "UsedBytes")).SingleAsync()), Is.Zero,
                "the user's stored-byte count, taken down batch by batch");
            if (App.Storage is LocalTestStorage local)
            {
                Assert.That(Directory.EnumerateDirectories(local.Root, "*", SearchOption.AllDirectories), Is.Empty, "folders");
            }
        }
    }
}
