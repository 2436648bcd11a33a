using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Consistency;

/// <summary>
/// Two requests on one file or persona, in each order that matters, forced through the service's
/// seams (<see cref="Interleavings"/>) rather than hoped for: the first is held at a named point,
/// the second runs to its end, then the first goes on. Every answer is one a user expects, never a
/// 500, and afterwards the store holds exactly the bytes the database has rows for.
/// </summary>
public class RaceTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private readonly Interleavings _interleavings = new();
    private WebApplicationFactory<Program> _paused = null!;
    private UserClient _user = null!;
    private HttpClient _client = null!;

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
        _client = Interleavings.ClientFor(_paused, _user);
    }

    [TearDown]
    public void Dispose() => _client.Dispose();

    [TestCase(nameof(Interleavings.UploadBeforeStore))]
    [TestCase(nameof(Interleavings.UploadBeforeRecord))]
    public async Task Upload_to_a_persona_deleted_meanwhile_is_404_and_leaves_nothing(string where)
    {
        var personaId = await _user.CreatePersonaAsync();
        var pause = Arm(where);

        var upload = _client.PostAsync(Uploads.ImageUrl(personaId), Uploads.Form(FormPart.File(Payloads.Jpeg(), "a.jpg", "image/jpeg")));
        await pause.Reached;
        using (var deleted = await _client.DeleteAsync($"/personas/{personaId}"))
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        pause.Release();
        using var response = await upload;

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "Persona not found");
        await AssertNothingLeftAsync();
    }

    [Test]
    public async Task Persona_delete_that_read_before_an_upload_finished_takes_the_upload_with_it()
    {
        var personaId = await _user.CreatePersonaAsync();
        var pause = _interleavings.AfterPersonaRead = new Pause();

        var delete = _client.DeleteAsync($"/personas/{personaId}");
        await pause.Reached;
        await _user.UploadImageAsync(personaId, Payloads.Jpeg()).UploadOkAsync();
        pause.Release();
        using var response = await delete;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await AssertNothingLeftAsync();
    }

    [Test]
    public async Task Two_persona_puts_from_one_version_answer_200_then_412_and_the_first_write_stays()
    {
        var personaId = await _user.CreatePersonaAsync();
        var etag = await ETagOfAsync($"/personas/{personaId}");

        var pause = _interleavings.AfterPersonaRead = new Pause();
        var late = _client.SendAsync(ConditionalPut($"/personas/{personaId}", new { name = "Late" }, etag));
        await pause.Reached;
        _interleavings.AfterPersonaRead = null;
        using (var first = await _client.SendAsync(ConditionalPut($"/personas/{personaId}", new { name = "First" }, etag)))
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        pause.Release();
        using var response = await late;

        // The late PUT checked its If-Match against what it read, before the first wrote; the
        // database's own check in the UPDATE still refuses it.
        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.That(await App.QueryAsync(db => db.Personas.Select(p => p.Name).SingleAsync()), Is.EqualTo("First"));
    }

    [Test]
    public async Task Two_file_puts_from_one_version_answer_200_then_412_and_the_first_write_stays()
    {
        var fileId = await UploadAsync();
        var etag = await ETagOfAsync($"/upload/files/{fileId}");

        var pause = _interleavings.AfterFileRead = new Pause();
        var late = _client.SendAsync(ConditionalPut($"/upload/files/{fileId}", new { description = "late" }, etag));
        await pause.Reached;
        _interleavings.AfterFileRead = null;
        using (var first = await _client.SendAsync(ConditionalPut($"/upload/files/{fileId}", new { description = "first" }, etag)))
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        pause.Release();
        using var response = await late;

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.That(await App.QueryAsync(db => db.MediaFiles.Select(f => f.Description).SingleAsync()), Is.EqualTo("first"));
    }

    [Test]
    public async Task A_conditional_put_of_a_file_deleted_after_it_was_read_is_404()
    {
        var fileId = await UploadAsync();
        var etag = await ETagOfAsync($"/upload/files/{fileId}");

        var pause = _interleavings.AfterFileRead = new Pause();
        var put = _client.SendAsync(ConditionalPut($"/upload/files/{fileId}", new { description = "late" }, etag));
        await pause.Reached;
        _interleavings.AfterFileRead = null;
        using (var deleted = await _client.DeleteAsync($"/upload/files/{fileId}"))
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        pause.Release();
        using var response = await put;

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "File not found");
        await AssertNothingLeftAsync(personaKept: true);
    }

    [Test]
    public async Task Two_deletes_of_one_file_answer_200_then_404()
    {
        var fileId = await UploadAsync();
        var pause = _interleavings.AfterFileRead = new Pause();

        var first = _client.DeleteAsync($"/upload/files/{fileId}");
        await pause.Reached;
        using (var second = await _client.DeleteAsync($"/upload/files/{fileId}"))
        {
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        pause.Release();
        using var late = await first;

        await late.AssertProblemAsync(HttpStatusCode.NotFound, "File not found");
        await AssertNothingLeftAsync(personaKept: true);
    }

    [Test]
    public async Task Put_of_a_file_deleted_after_it_was_read_is_404()
    {
        var fileId = await UploadAsync();
        var pause = _interleavings.AfterFileRead = new Pause();

        var put = _client.PutAsJsonAsync($"/upload/files/{fileId}", new { description = "late" });
        await pause.Reached;
        using (var deleted = await _client.DeleteAsync($"/upload/files/{fileId}"))
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        pause.Release();
        using var response = await put;

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "File not found");
        await AssertNothingLeftAsync(personaKept: true);
    }

    [Test]
    public async Task Delete_of_a_file_put_after_it_was_read_is_200_and_removes_it()
    {
        var fileId = await UploadAsync();
        var pause = _interleavings.AfterFileRead = new Pause();

        var delete = _client.DeleteAsync($"/upload/files/{fileId}");
        await pause.Reached;
        using (var put = await _client.PutAsJsonAsync($"/upload/files/{fileId}", new { description = "in between" }))
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        pause.Release();
        using var response = await delete;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await AssertNothingLeftAsync(personaKept: true);
    }

    [Test]
    public async Task Put_of_a_persona_deleted_after_it_was_read_is_404()
    {
        var personaId = await _user.CreatePersonaAsync();
        await UploadAsync(personaId);
        var pause = _interleavings.AfterPersonaRead = new Pause();

        var put = _client.PutAsJsonAsync($"/personas/{personaId}", new { name = "late" });
        await pause.Reached;
        using (var deleted = await _client.DeleteAsync($"/personas/{personaId}"))
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        pause.Release();
        using var response = await put;

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "Persona not found");
        await AssertNothingLeftAsync();
    }

    [Test]
    public async Task Delete_of_a_persona_put_after_it_was_read_is_200_and_removes_it()
    {
        var personaId = await _user.CreatePersonaAsync();
        await UploadAsync(personaId);
        var pause = _interleavings.AfterPersonaRead = new Pause();

        var delete = _client.DeleteAsync($"/personas/{personaId}");
        await pause.Reached;
        using (var put = await _client.PutAsJsonAsync($"/personas/{personaId}", new { name = "in between" }))
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        pause.Release();
        using var response = await delete;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await AssertNothingLeftAsync();
    }

    [Test]
    public async Task Two_deletes_of_one_persona_answer_200_then_404()
    {
        var personaId = await _user.CreatePersonaAsync();
        await UploadAsync(personaId);
        var pause = _interleavings.AfterPersonaRead = new Pause();

        var first = _client.DeleteAsync($"/personas/{personaId}");
        await pause.Reached;
        using (var second = await _client.DeleteAsync($"/personas/{personaId}"))
        {
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        pause.Release();
        using var late = await first;

        await late.AssertProblemAsync(HttpStatusCode.NotFound, "Persona not found");
        await AssertNothingLeftAsync();
    }

    private Pause Arm(string where)
    {
        var pause = new Pause();
        switch (where)
        {
            case nameof(Interleavings.UploadBeforeStore):
                _interleavings.UploadBeforeStore = pause;
                break;
            case nameof(Interleavings.UploadBeforeRecord):
                _interleavings.UploadBeforeRecord = pause;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(where), where, null);
        }

        return pause;
    }

    private async Task<int> UploadAsync(int? personaId = null)
    {
        var file = await _user.UploadImageAsync(personaId ?? await _user.CreatePersonaAsync(), Payloads.Jpeg()).UploadOkAsync();
        return file.GetProperty("id").GetInt32();
    }

    /// <summary>No media row, no stored object (temporary files included) and, on local disk, no folder left.</summary>
    private async Task<string> ETagOfAsync(string url)
    {
        using var read = await _client.GetAsync(url);
        return read.Headers.ETag!.ToString();
    }

    private static HttpRequestMessage ConditionalPut(string url, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private async Task AssertNothingLeftAsync(bool personaKept = false)
    {
        Assert.Multiple(async () =>
        {
            Assert.That(await App.QueryAsync(db => db.MediaFiles.CountAsync()), Is.Zero, "media rows");
            Assert.That(await App.QueryAsync(db => db.Personas.IgnoreQueryFilters().CountAsync()), Is.EqualTo(personaKept ? 1 : 0), "persona rows, marked ones included");
            Assert.That(await App.Storage.ListKeysAsync(), Is.Empty, "stored objects");
            Assert.That(await App.QueryAsync(db => db.PendingDeletions.CountAsync()), Is.Zero, "pending deletions");
            if (App.Storage is LocalTestStorage local)
            {
                Assert.That(Directory.EnumerateDirectories(local.Root, "*", SearchOption.AllDirectories), Is.Empty, "folders");
            }
        });
    }
}
