using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

public class MediaFileJsonTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private static readonly string[] MediaFileFields =
    [
        "id", "filename", "original_filename", "file_size", "mime_type", "media_type", "persona_id",
        "user_id", "description", "sha256", "created_at", "updated_at",
        "width", "height", "duration_seconds", "video_codec", "has_audio", "metadata_removed", "thumbnails",
    ];

    [Test]
    public async Task Upload_answers_the_full_media_file_in_snake_case()
    {
        var user = await App.CreateUserAsync();
        var personaId = await user.CreatePersonaAsync();
        var bytes = Payloads.Png(5000);

        var file = await user.UploadImageAsync(personaId, bytes, "Holiday.PNG", "Profile picture").UploadOkAsync();

        Assert.That(file.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(MediaFileFields));
        Assert.Multiple(() =>
        {
            Assert.That(file.GetProperty("id").GetInt32(), Is.Positive);
            Assert.That(file.GetProperty("filename").GetString(), Does.Match("^[0-9a-f]{32}\\.png$"));
            Assert.That(file.GetProperty("original_filename").GetString(), Is.EqualTo("Holiday.PNG"));
            Assert.That(file.GetProperty("file_size").GetInt64(), Is.EqualTo(5000));
            Assert.That(file.GetProperty("mime_type").GetString(), Is.EqualTo("image/png"));
            Assert.That(file.GetProperty("media_type").GetString(), Is.EqualTo("image"));
            Assert.That(file.GetProperty("persona_id").GetInt32(), Is.EqualTo(personaId));
            Assert.That(file.GetProperty("user_id").GetInt32(), Is.EqualTo(user.Id));
            Assert.That(file.GetProperty("description").GetString(), Is.EqualTo("Profile picture"));
            Assert.That(file.GetProperty("sha256").GetString(), Is.EqualTo(Payloads.Sha256(bytes)));
            Assert.That(file.GetProperty("created_at").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$"));
            Assert.That(file.GetProperty("updated_at").GetString(), Is.EqualTo(file.GetProperty("created_at").GetString()));
        });
    }

    [Test]
    public async Task Stored_bytes_sit_at_user_persona_uuid_ext_and_equal_the_upload()
    {
        var user = await App.CreateUserAsync();
        var personaId = await user.CreatePersonaAsync();
        var bytes = Payloads.Jpeg(70_000);

        var file = await user.UploadImageAsync(personaId, bytes, "photo.jpeg").UploadOkAsync();

        var key = $"{user.Id}/{personaId}/{file.GetProperty("filename").GetString()}";
        Assert.That(key, Does.EndWith(".jpg"), "the stored extension comes from the detected content");
        Assert.That(await App.Storage.ListKeysAsync(), Is.EqualTo(new[] { key }));
        Assert.That(await App.Storage.ReadAsync(key), Is.EqualTo(bytes));
    }

    [Test]
    public async Task Upload_records_a_row_with_what_was_stored()
    {
        var user = await App.CreateUserAsync();
        var personaId = await user.CreatePersonaAsync();
        var bytes = Payloads.Mp4(9000);

        var file = await user.UploadVideoAsync(personaId, bytes).UploadOkAsync();

        var row = await App.QueryAsync(db => db.MediaFiles.AsNoTracking().SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(row.Id, Is.EqualTo(file.GetProperty("id").GetInt32()));
            Assert.That(row.FileSize, Is.EqualTo(9000));
            Assert.That(row.Sha256, Is.EqualTo(Payloads.Sha256(bytes)));
            Assert.That(row.MimeType, Is.EqualTo("video/mp4"));
            Assert.That(row.UserId, Is.EqualTo(user.Id));
        });
    }

    [Test]
    public async Task Server_owned_fields_in_the_form_are_ignored()
    {
        var user = await App.CreateUserAsync();
        var personaId = await user.CreatePersonaAsync();
        var form = Uploads.Form(
            FormPart.Field("id", "999"),
            FormPart.Field("user_id", "999"),
            FormPart.Field("created_at", "2000-01-01T00:00:00Z"),
            FormPart.File(Payloads.Jpeg(), "a.jpg"));

        var file = await user.Http.PostAsync(Uploads.ImageUrl(personaId), form).UploadOkAsync();

        Assert.That(file.GetProperty("id").GetInt32(), Is.Not.EqualTo(999));
        Assert.That(file.GetProperty("user_id").GetInt32(), Is.EqualTo(user.Id));
        Assert.That(file.GetProperty("created_at").GetDateTime(), Is.GreaterThan(new DateTime(2020, 1, 1)));
    }

    [Test]
    public async Task Get_answers_the_same_media_file()
    {
        var user = await App.CreateUserAsync();
        var personaId = await user.CreatePersonaAsync();
        var uploaded = await user.UploadImageAsync(personaId, Payloads.Jpeg()).UploadOkAsync();

        var fetched = await (await user.Http.GetAsync($"/upload/files/{uploaded.GetProperty("id").GetInt32()}")).JsonAsync();

        Assert.That(JsonSerializer.Serialize(fetched), Is.EqualTo(JsonSerializer.Serialize(uploaded)));
    }

    [Test]
    public async Task Ids_are_never_reused_after_a_delete()
    {
        var user = await App.CreateUserAsync();
        var personaId = await user.CreatePersonaAsync();
        var first = await user.UploadImageAsync(personaId, Payloads.Jpeg()).UploadOkAsync();
        var firstId = first.GetProperty("id").GetInt32();
        (await user.Http.DeleteAsync($"/upload/files/{firstId}")).EnsureSuccessStatusCode();

        var second = await user.UploadImageAsync(personaId, Payloads.Jpeg()).UploadOkAsync();

        Assert.That(second.GetProperty("id").GetInt32(), Is.GreaterThan(firstId));
    }
}
