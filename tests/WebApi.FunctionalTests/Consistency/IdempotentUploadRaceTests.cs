using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Consistency;

/// <summary>
/// Two uploads with one <c>Idempotency-Key</c> at once, as a client that retries on a timeout
/// sends them, each on another replica: the app with the seams and the plain app are two hosts
/// over one database and one store, so the key can only be shared through the database. Each
/// order is forced (<see cref="Interleavings"/>): however they meet, both get the same file and
/// the store holds its bytes once.
/// </summary>
public class IdempotentUploadRaceTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private const string Header = "Idempotency-Key";
    private readonly Interleavings _interleavings = new();
    private WebApplicationFactory<Program> _paused = null!;
    private UserClient _user = null!;
    private HttpClient _pausedClient = null!;
    private int _personaId;

    [OneTimeSetUp]
    public void InstallSeams()
    {
        if (UnavailableReason is null)
        {
            _paused = Interleavings.Install(App, _interleavings);
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
        _personaId = await _user.CreatePersonaAsync();
    }

    [TearDown]
    public void Dispose() => _pausedClient.Dispose();

    /// <summary>The retry finishes while the first is still streaming: the first, when it records, finds the key.</summary>
    [Test]
    public async Task A_retry_that_finishes_first_is_replayed_by_the_first()
    {
        var pause = _interleavings.UploadBeforeRecord = new Pause();
        await AssertBothGetOneFileAsync(pause, Payloads.Jpeg(), Payloads.Jpeg());
    }

    /// <summary>Both looked the key up before either inserted it: the unique index lets one in, the other replays it.</summary>
    [Test]
    public async Task Two_that_both_saw_no_key_still_make_one_file()
    {
        var pause = _interleavings.AfterIdempotencyKeyLookup = new Pause();
        await AssertBothGetOneFileAsync(pause, Payloads.Jpeg(), Payloads.Jpeg());
    }

    [Test]
    public async Task Two_different_uploads_with_one_key_make_one_file_and_a_422()
    {
        var pause = _interleavings.AfterIdempotencyKeyLookup = new Pause();
        var held = SendAsync(_pausedClient, "race-key", Payloads.Jpeg(2000));
        await pause.Reached;

        using var winner = await SendAsync(_user.Http, "race-key", Payloads.Jpeg(3000));
        pause.Release();
        using var loser = await held;

        Assert.That(winner.StatusCode, Is.EqualTo(HttpStatusCode.OK), await winner.Content.ReadAsStringAsync());
        await loser.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "already used for a different upload");
        await AssertStoreHoldsOnlyAsync(await IdOfAsync(winner));
    }

    private async Task AssertBothGetOneFileAsync(Pause pause, byte[] heldBytes, byte[] otherBytes)
    {
        var key = Guid.NewGuid().ToString();
        var held = SendAsync(_pausedClient, key, heldBytes);
        await pause.Reached;

        using var retry = await SendAsync(_user.Http, key, otherBytes);
        pause.Release();
        using var first = await held;

        var retryId = await IdOfAsync(retry);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await IdOfAsync(first), Is.EqualTo(retryId));
            Assert.That(first.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }), "the held request is the repeat");
        }

        await AssertStoreHoldsOnlyAsync(retryId);
    }

    /// <summary>One row, its bytes, its key; no second object, no temporary file, nothing owed.</summary>
    private async Task AssertStoreHoldsOnlyAsync(int fileId)
    {
        var stored = await App.QueryAsync(db => db.MediaFiles.Select(f => new { f.Id, f.FileName }).ToListAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.Select(f => f.Id), Is.EqualTo(new[] { fileId }), "media rows");
            Assert.That(
                await App.Storage.ListKeysAsync(),
                Is.EqualTo(stored.Select(f => PersonaMedia.Application.Common.Interfaces.MediaStorageKeys.For(_user.Id, _personaId, f.FileName))),
                "stored objects, temporary files included");
            Assert.That(await App.QueryAsync(db => db.UploadIdempotencyKeys.CountAsync()), Is.EqualTo(1), "keys");
            Assert.That(await App.QueryAsync(db => db.PendingDeletions.CountAsync()), Is.Zero, "pending deletions");
        }
    }

    private Task<HttpResponseMessage> SendAsync(HttpClient client, string key, byte[] bytes)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Uploads.ImageUrl(_personaId))
        {
            Content = Uploads.Form(FormPart.File(bytes, "photo.jpg", "image/jpeg")),
        };
        request.Headers.TryAddWithoutValidation(Header, key);
        return client.SendAsync(request);
    }

    private static async Task<int> IdOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
    }
}
