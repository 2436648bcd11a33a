using System.Net;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

public class DeleteMediaTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    [Test]
    public async Task Delete_removes_the_row_and_the_stored_bytes()
    {
        var user = await App.CreateUserAsync();
        var personaId = await user.CreatePersonaAsync();
        var kept = await user.UploadImageAsync(personaId, Payloads.Jpeg()).UploadOkAsync();
        var doomed = await user.UploadVideoAsync(personaId, Payloads.Mp4()).UploadOkAsync();
        var doomedId = doomed.GetProperty("id").GetInt32();

        using var response = await user.Http.DeleteAsync($"/upload/files/{doomedId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.JsonAsync()).GetProperty("detail").GetString(), Is.EqualTo("File deleted"));
        Assert.That(await App.Storage.ListKeysAsync(), Is.EqualTo(new[] { KeyOf(user, kept) }));
        Assert.That(await App.QueryAsync(db => db.MediaFiles.AnyAsync(f => f.Id == doomedId)), Is.False);
        await (await user.Http.GetAsync($"/upload/files/{doomedId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await user.Http.GetAsync($"/upload/files/{doomedId}/download")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await user.Http.DeleteAsync($"/upload/files/{doomedId}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Deleting_a_persona_removes_its_files_rows_and_bytes_and_nothing_else()
    {
        var user = await App.CreateUserAsync();
        var doomed = await user.CreatePersonaAsync("doomed");
        var kept = await user.CreatePersonaAsync("kept");
        await user.UploadImageAsync(doomed, Payloads.Jpeg()).UploadOkAsync();
        await user.UploadVideoAsync(doomed, Payloads.Mp4()).UploadOkAsync();
        var keptFile = await user.UploadImageAsync(kept, Payloads.Png(), "k.png").UploadOkAsync();

        using var response = await user.Http.DeleteAsync($"/personas/{doomed}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.JsonAsync()).GetProperty("detail").GetString(), Is.Not.Empty);
        Assert.That(await App.Storage.ListKeysAsync(), Is.EqualTo(new[] { KeyOf(user, keptFile) }));
        Assert.That(await App.QueryAsync(db => db.MediaFiles.Select(f => f.PersonaId).ToListAsync()), Is.EqualTo(new[] { kept }));
        await (await user.Http.GetAsync($"/personas/{doomed}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static string KeyOf(UserClient user, System.Text.Json.JsonElement file) =>
        $"{user.Id}/{file.GetProperty("persona_id").GetInt32()}/{file.GetProperty("filename").GetString()}";
}
