using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

/// <summary>Another user's file is answered 404 everywhere, and is left as it was.</summary>
public class MediaOwnershipTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private UserClient _owner = null!;
    private UserClient _stranger = null!;
    private int _fileId;

    [SetUp]
    public async Task UploadOwnersFile()
    {
        _owner = await App.CreateUserAsync();
        _stranger = await App.CreateUserAsync();
        var personaId = await _owner.CreatePersonaAsync();
        _fileId = (await _owner.UploadImageAsync(personaId, Payloads.Jpeg(), description: "mine").UploadOkAsync())
            .GetProperty("id").GetInt32();
    }

    private IEnumerable<(string Name, Func<Task<HttpResponseMessage>> Send)> EveryFileEndpoint() =>
    [
        ("get", () => _stranger.Http.GetAsync($"/upload/files/{_fileId}")),
        ("download", () => _stranger.Http.GetAsync($"/upload/files/{_fileId}/download")),
        ("put form", () => _stranger.Http.PutAsync($"/upload/files/{_fileId}", new FormUrlEncodedContent([new("description", "hijacked")]))),
        ("put json", () => _stranger.Http.PutAsJsonAsync($"/upload/files/{_fileId}", new { description = "hijacked" })),
        ("delete", () => _stranger.Http.DeleteAsync($"/upload/files/{_fileId}")),
    ];

    [Test]
    public async Task Another_users_file_is_404_on_every_endpoint()
    {
        foreach (var (name, send) in EveryFileEndpoint())
        {
            using var response = await send();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), name);
            await response.AssertProblemAsync(HttpStatusCode.NotFound, "not found");
        }

        var row = await App.QueryAsync(db => db.MediaFiles.AsNoTracking().SingleAsync());
        Assert.That(row.Description, Is.EqualTo("mine"));
        Assert.That(await App.Storage.ListKeysAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Another_users_file_is_answered_like_a_missing_one()
    {
        using var foreign = await _stranger.Http.GetAsync($"/upload/files/{_fileId}");
        using var missing = await _stranger.Http.GetAsync($"/upload/files/{_fileId + 1000}");

        var foreignProblem = await foreign.AssertProblemAsync(HttpStatusCode.NotFound);
        var missingProblem = await missing.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That(foreignProblem.GetProperty("detail").GetString(), Is.EqualTo(missingProblem.GetProperty("detail").GetString()));
    }

    [Test]
    public async Task Every_media_endpoint_needs_a_token()
    {
        var anonymous = App.CreateClient();
        string[] urls = [$"/upload/files/{_fileId}", $"/upload/files/{_fileId}/download", "/upload/stats", "/upload/persona/1/files"];

        foreach (var url in urls)
        {
            using var response = await anonymous.GetAsync(url);
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"), url);
        }
    }
}
