using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PersonaMedia.Infrastructure.Persistence;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

/// <summary>
/// <c>Idempotency-Key</c> on uploads: a retry of the same upload gets the first file again and
/// stores nothing twice; the key reused for another upload is 422; keys are per user, exact, and
/// live for 24 hours or as long as their file. Races between two requests with one key are in
/// <see cref="Consistency.IdempotentUploadRaceTests"/>.
/// </summary>
public class IdempotentUploadTests(TestEnvironment environment) : UploadTestBase(environment)
{
    private const string Header = "Idempotency-Key";

    [Test]
    public async Task The_same_upload_again_gets_the_first_file_and_stores_nothing_twice()
    {
        var bytes = Payloads.Jpeg(5000);
        var key = Guid.NewGuid().ToString();
        using var first = await SendAsync(key, bytes, description: "first");
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), firstBody);
        var keysAfterFirst = await App.Storage.ListKeysAsync();

        using var again = await SendAsync(key, bytes, description: "first");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await again.Content.ReadAsStringAsync(), Is.EqualTo(firstBody), "the first answer, to the byte");
            Assert.That(again.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
            Assert.That(first.Headers.Contains("Idempotent-Replayed"), Is.False);
            Assert.That(again.Headers.ETag, Is.EqualTo(first.Headers.ETag));
            Assert.That(await App.Storage.ListKeysAsync(), Is.EqualTo(keysAfterFirst), "stored objects after the replay");
            Assert.That(await App.QueryAsync(db => db.MediaFiles.CountAsync()), Is.EqualTo(2), "the existing file and one new");
            Assert.That(await App.QueryAsync(db => db.UploadIdempotencyKeys.CountAsync()), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_quoted_key_is_the_same_key_as_its_content()
    {
        var bytes = Payloads.Jpeg();
        var first = await Json(await SendAsync("order-17", bytes));

        using var again = await SendAsync("\"order-17\"", bytes);

        Assert.That((await Json(again)).GetProperty("id").GetInt32(), Is.EqualTo(first.GetProperty("id").GetInt32()));
    }

    [TestCase("other bytes")]
    [TestCase("other description")]
    [TestCase("other file name")]
    [TestCase("other persona")]
    [TestCase("a video")]
    public async Task The_key_reused_for_another_upload_is_422_and_stores_nothing(string change)
    {
        var key = Guid.NewGuid().ToString("N");
        await Json(await SendAsync(key, Payloads.Jpeg(), description: "a"));
        var otherPersona = change == "other persona" ? await User.CreatePersonaAsync("Other") : PersonaId;

        using var response = await RefusedAsync(
            () => change switch
            {
                "other bytes" => SendAsync(key, Payloads.Jpeg(3000), description: "a"),
                "other description" => SendAsync(key, Payloads.Jpeg(), description: "b"),
                "other file name" => SendAsync(key, Payloads.Jpeg(), description: "a", fileName: "other.jpg"),
                "a video" => SendAsync(key, Payloads.Mp4(), description: "a", fileName: "photo.mp4", url: Uploads.VideoUrl(PersonaId)),
                _ => SendAsync(key, Payloads.Jpeg(), description: "a", url: Uploads.ImageUrl(otherPersona)),
            },
            HttpStatusCode.UnprocessableEntity);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "already used for a different upload");
    }

    [Test]
    public async Task Keys_are_per_user()
    {
        var other = await App.CreateUserAsync();
        var otherPersona = await other.CreatePersonaAsync();
        var bytes = Payloads.Jpeg();

        var mine = await Json(await SendAsync("shared-key", bytes));
        var theirs = await Json(await SendAsync("shared-key", bytes, url: Uploads.ImageUrl(otherPersona), client: other.Http));

        Assert.That(theirs.GetProperty("id").GetInt32(), Is.Not.EqualTo(mine.GetProperty("id").GetInt32()));
    }

    [Test]
    public async Task Keys_differing_in_case_are_two_keys()
    {
        var bytes = Payloads.Jpeg();

        var lower = await Json(await SendAsync("abc-key", bytes));
        var upper = await Json(await SendAsync("ABC-KEY", bytes));

        Assert.That(upper.GetProperty("id").GetInt32(), Is.Not.EqualTo(lower.GetProperty("id").GetInt32()));
    }

    [TestCase("\"\"")]
    [TestCase("with space")]
    [TestCase("caf\u00e9")]
    [TestCase("256")]
    public async Task A_malformed_key_is_400_before_anything_is_stored(string key)
    {
        if (key == "256")
        {
            key = new string('k', 256);
        }

        using var response = await RefusedAsync(() => SendAsync(key, Payloads.Jpeg()), HttpStatusCode.BadRequest);

        await response.AssertValidationProblemAsync(Header);
    }

    [Test]
    public async Task An_expired_key_makes_a_new_upload_and_points_at_it()
    {
        var bytes = Payloads.Jpeg();
        var first = (await Json(await SendAsync("daily", bytes))).GetProperty("id").GetInt32();
        await App.QueryAsync(db => db.UploadIdempotencyKeys.ExecuteUpdateAsync(
            set => set.SetProperty(k => k.ExpiresAt, DateTime.UtcNow.AddSeconds(-1))));

        using var later = await SendAsync("daily", bytes);
        var second = (await Json(later)).GetProperty("id").GetInt32();
        using var third = await SendAsync("daily", bytes);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.Not.EqualTo(first));
            Assert.That(later.Headers.Contains("Idempotent-Replayed"), Is.False);
            Assert.That((await Json(third)).GetProperty("id").GetInt32(), Is.EqualTo(second), "the key now names the new file");
            Assert.That(await App.QueryAsync(db => db.UploadIdempotencyKeys.Select(k => k.MediaFileId).ToListAsync()), Is.EqualTo(new[] { second }));
        }
    }

    [Test]
    public async Task Deleting_the_file_frees_its_key()
    {
        var bytes = Payloads.Jpeg();
        var first = (await Json(await SendAsync("once", bytes))).GetProperty("id").GetInt32();
        using (var deleted = await User.Http.DeleteAsync($"/upload/files/{first}"))
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That(await App.QueryAsync(db => db.UploadIdempotencyKeys.CountAsync()), Is.Zero, "the key went with its file");
        var second = (await Json(await SendAsync("once", bytes))).GetProperty("id").GetInt32();

        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public async Task The_purge_removes_expired_keys_only()
    {
        await Json(await SendAsync("old", Payloads.Jpeg(1000)));
        await Json(await SendAsync("new", Payloads.Jpeg(1100)));
        await App.QueryAsync(db => db.UploadIdempotencyKeys.Where(k => k.Key == "old").ExecuteUpdateAsync(
            set => set.SetProperty(k => k.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        var purger = App.Services.GetServices<IHostedService>().OfType<IdempotencyKeyPurger>().Single();

        var removed = await purger.PurgeAsync(CancellationToken.None);

        Assert.That(removed, Is.EqualTo(1));
        Assert.That(await App.QueryAsync(db => db.UploadIdempotencyKeys.Select(k => k.Key).ToListAsync()), Is.EqualTo(new[] { "new" }));
        Assert.That(await App.QueryAsync(db => db.MediaFiles.CountAsync()), Is.EqualTo(3), "files stay; only their keys expire");
    }

    [Test]
    public async Task Without_a_key_each_upload_is_a_new_file()
    {
        var bytes = Payloads.Jpeg();

        var first = await Json(await User.UploadImageAsync(PersonaId, bytes));
        var second = await Json(await User.UploadImageAsync(PersonaId, bytes));

        Assert.That(second.GetProperty("id").GetInt32(), Is.Not.EqualTo(first.GetProperty("id").GetInt32()));
        Assert.That(await App.QueryAsync(db => db.UploadIdempotencyKeys.CountAsync()), Is.Zero);
    }

    private Task<HttpResponseMessage> SendAsync(
        string key, byte[] bytes, string? description = null, string fileName = "photo.jpg", string? url = null, HttpClient? client = null)
    {
        var contentType = fileName.EndsWith(".mp4", StringComparison.Ordinal) ? "video/mp4" : "image/jpeg";
        var parts = new List<FormPart>();
        if (description is not null)
        {
            parts.Add(FormPart.Field("description", description));
        }

        parts.Add(FormPart.File(bytes, fileName, contentType));
        var request = new HttpRequestMessage(HttpMethod.Post, url ?? Uploads.ImageUrl(PersonaId)) { Content = Uploads.Form([.. parts]) };
        request.Headers.TryAddWithoutValidation(Header, key);
        return (client ?? User.Http).SendAsync(request);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}
