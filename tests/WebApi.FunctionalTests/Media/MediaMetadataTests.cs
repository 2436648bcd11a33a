using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

/// <summary>Width, height, duration, codec and sound read from real files' headers at upload; the pixel-flood guard; decodability.</summary>
public class MediaMetadataTests(TestEnvironment environment) : UploadTestBase(environment)
{
    [Test]
    public async Task Jpeg_size_is_read_from_its_header_as_shown_with_its_orientation()
    {
        var file = await User.UploadImageAsync(PersonaId, MediaFixtures.Read(MediaFixtures.PhotoJpeg), "photo.jpg").UploadOkAsync();

        // Stored 64x48, EXIF orientation 6: shown (and laid out) 48 wide, 64 high.
        AssertMetadata(file, 48, 64, null, null, null);
        AssertMetadata(await GetFileAsync(file), 48, 64, null, null, null);
        var row = await App.QueryAsync(db => db.MediaFiles.AsNoTracking().SingleAsync(f => f.Id == file.GetProperty("id").GetInt32()));
        Assert.That((row.Width, row.Height, row.DurationSeconds, row.VideoCodec, row.HasAudio), Is.EqualTo(((int?)48, (int?)64, (double?)null, (string?)null, (bool?)null)));
    }

    [Test]
    public async Task Png_size_is_read_from_its_header()
    {
        var file = await User.UploadImageAsync(PersonaId, MediaFixtures.Read(MediaFixtures.PhotoPng), "photo.png").UploadOkAsync();

        AssertMetadata(file, 40, 30, null, null, null);
    }

    [TestCase(MediaFixtures.VideoMoovFirst, 64, 48, 2.0, "avc1", true)]
    [TestCase(MediaFixtures.VideoMoovLast, 80, 60, 3.0, "hvc1", false)]
    public async Task Mp4_size_duration_codec_and_sound_are_read_from_its_moov_box_wherever_it_is(
        string fixture, int width, int height, double duration, string codec, bool hasAudio)
    {
        var file = await User.UploadVideoAsync(PersonaId, MediaFixtures.Read(fixture)).UploadOkAsync();

        AssertMetadata(file, width, height, duration, codec, hasAudio);
        AssertMetadata(await GetFileAsync(file), width, height, duration, codec, hasAudio);
    }

    [Test]
    public async Task Listing_shows_the_metadata_too()
    {
        await User.UploadVideoAsync(PersonaId, MediaFixtures.Read(MediaFixtures.VideoMoovFirst)).UploadOkAsync();

        using var response = await User.Http.GetAsync($"/upload/persona/{PersonaId}/files?media_type=video");
        var list = await response.JsonAsync();

        AssertMetadata(list.EnumerateArray().Single(), 64, 48, 2.0, "avc1", true);
    }

    [Test]
    public async Task A_file_that_passes_the_signature_but_does_not_decode_is_accepted_with_its_facts_unknown()
    {
        // What the original service's own client suite uploads: a JFIF header followed by zeros.
        var jpeg = await User.UploadImageAsync(PersonaId, Payloads.Jpeg(4096), "zeros.jpg").UploadOkAsync();
        var png = await User.UploadImageAsync(PersonaId, Payloads.Png(4096), "zeros.png").UploadOkAsync();
        var mp4 = await User.UploadVideoAsync(PersonaId, Payloads.Mp4(4096)).UploadOkAsync();
        var truncated = await User.UploadImageAsync(PersonaId, MediaFixtures.Read(MediaFixtures.PhotoJpeg)[..700], "cut.jpg").UploadOkAsync();

        foreach (var file in new[] { jpeg, png, mp4, truncated })
        {
            AssertMetadata(file, null, null, null, null, null);
        }
    }

    [TestCase(MediaFixtures.FloodPng, "flood.png")]
    [TestCase(MediaFixtures.FloodJpeg, "flood.jpg")]
    public async Task An_image_declaring_more_than_the_pixel_limit_is_refused_before_it_is_decoded(string fixture, string name)
    {
        var bytes = MediaFixtures.Read(fixture);

        var response = await RefusedAsync(() => User.UploadImageAsync(PersonaId, bytes, name), HttpStatusCode.BadRequest);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("pixels").And.Contain("50,000,000"));
    }

    [Test]
    public async Task The_pixel_limit_is_a_setting()
    {
        await using var strict = App.WithWebHostBuilder(b => b.UseSetting("Media:MaxPixels", "3000"));
        var client = strict.CreateClient();
        client.DefaultRequestHeaders.Authorization = User.Http.DefaultRequestHeaders.Authorization;
        var user = User with { Http = client };

        // 64x48 = 3072 pixels: over; 40x30 = 1200: within.
        await RefusedAsync(() => user.UploadImageAsync(PersonaId, MediaFixtures.Read(MediaFixtures.PhotoJpeg), "photo.jpg"), HttpStatusCode.BadRequest);
        await user.UploadImageAsync(PersonaId, MediaFixtures.Read(MediaFixtures.PhotoPng), "photo.png").UploadOkAsync();
    }

    [Test]
    public async Task With_decodable_files_required_what_does_not_decode_is_refused_and_real_media_still_passes()
    {
        await using var strict = App.WithWebHostBuilder(b => b.UseSetting("Media:RequireDecodable", "true"));
        var client = strict.CreateClient();
        client.DefaultRequestHeaders.Authorization = User.Http.DefaultRequestHeaders.Authorization;
        var user = User with { Http = client };
        var photo = MediaFixtures.Read(MediaFixtures.PhotoJpeg);
        var video = MediaFixtures.Read(MediaFixtures.VideoMoovLast);

        (Func<Task<HttpResponseMessage>> Send, string What)[] refused =
        [
            (() => user.UploadImageAsync(PersonaId, Payloads.Jpeg(4096), "zeros.jpg"), "a JFIF header followed by zeros"),
            (() => user.UploadImageAsync(PersonaId, Payloads.Png(4096), "zeros.png"), "a PNG signature followed by zeros"),
            (() => user.UploadImageAsync(PersonaId, photo[..(photo.Length - 2000)], "cut.jpg"), "a JPEG cut short in its scan"),
            (() => user.UploadImageAsync(PersonaId, photo[..700], "cut.jpg"), "a JPEG cut short in its headers"),
            (() => user.UploadVideoAsync(PersonaId, Payloads.Mp4(4096)), "an ftyp box followed by zeros"),
            (() => user.UploadVideoAsync(PersonaId, video[..(video.Length - 100)]), "an MP4 cut short in its moov box"),
        ];
        foreach (var (send, what) in refused)
        {
            var response = await RefusedAsync(send, HttpStatusCode.BadRequest);
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("The file could not be decoded as"), what);
        }

        AssertMetadata(await user.UploadImageAsync(PersonaId, photo, "photo.jpg").UploadOkAsync(), 48, 64, null, null, null);
        AssertMetadata(await user.UploadImageAsync(PersonaId, MediaFixtures.Read(MediaFixtures.PhotoPng), "photo.png").UploadOkAsync(), 40, 30, null, null, null);
        AssertMetadata(await user.UploadVideoAsync(PersonaId, video).UploadOkAsync(), 80, 60, 3.0, "hvc1", false);
    }

    private async Task<JsonElement> GetFileAsync(JsonElement file)
    {
        using var response = await User.Http.GetAsync($"/upload/files/{file.GetProperty("id").GetInt32()}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.JsonAsync();
    }

    private static void AssertMetadata(JsonElement file, int? width, int? height, double? duration, string? codec, bool? hasAudio)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Nullable(file, "width", e => (int?)e.GetInt32()), Is.EqualTo(width), "width");
            Assert.That(Nullable(file, "height", e => (int?)e.GetInt32()), Is.EqualTo(height), "height");
            Assert.That(Nullable(file, "duration_seconds", e => (double?)e.GetDouble()), Is.EqualTo(duration), "duration_seconds");
            Assert.That(Nullable(file, "video_codec", e => e.GetString()), Is.EqualTo(codec), "video_codec");
            Assert.That(Nullable(file, "has_audio", e => (bool?)e.GetBoolean()), Is.EqualTo(hasAudio), "has_audio");
        }
    }

    /// <summary>The member's value; the member must be there, null or not.</summary>
    private static T? Nullable<T>(JsonElement file, string name, Func<JsonElement, T> read)
    {
        Assert.That(file.TryGetProperty(name, out var value), Is.True, $"{name} is always in the JSON");
        return value.ValueKind == JsonValueKind.Null ? default : read(value);
    }
}
