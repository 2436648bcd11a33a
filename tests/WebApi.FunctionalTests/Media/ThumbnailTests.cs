using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

/// <summary>Thumbnails: presets 160 and 640 on the long side, WebP, made on demand, stored beside the original, deleted with it.</summary>
public class ThumbnailTests(TestEnvironment environment) : UploadTestBase(environment)
{
    /// <summary>A 1200x800 JPEG made here with libvips: big enough for both presets to shrink it.</summary>
    private static byte[] LargeJpeg()
    {
        using var gradient = NetVips.Image.Xyz(1200, 800);
        using var band = gradient[0];
        using var bytes = (band * 0.2).Cast(NetVips.Enums.BandFormat.Uchar);
        return bytes.JpegsaveBuffer(q: 80);
    }

    [TestCase(160, 160, 107)]
    [TestCase(640, 640, 427)]
    public async Task A_thumbnail_is_a_webp_of_the_listed_size_stored_beside_the_original(int size, int width, int height)
    {
        var file = await User.UploadImageAsync(PersonaId, LargeJpeg(), "large.jpg").UploadOkAsync();
        var listed = file.GetProperty("thumbnails").GetProperty(size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.That((listed.GetProperty("width").GetInt32(), listed.GetProperty("height").GetInt32()), Is.EqualTo((width, height)));

        using var response = await User.Http.GetAsync(ThumbnailUrl(file, size));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/webp"));
        Assert.That(response.Headers.CacheControl?.Private, Is.True);
        using (var image = NetVips.Image.NewFromBuffer(bytes, failOn: NetVips.Enums.FailOn.Error))
        {
            Assert.That((image.Width, image.Height, (string)image.Get("vips-loader")), Is.EqualTo((width, height, "webpload_buffer")));
        }

        var stem = file.GetProperty("filename").GetString()![..32];
        var key = $"{User.Id}/{PersonaId}/{stem}.thumb-{size}.webp";
        Assert.That(await App.Storage.ListKeysAsync(), Does.Contain(key));
        Assert.That(await App.Storage.ReadAsync(key), Is.EqualTo(bytes), "the stored thumbnail is the one served");

        using var again = await User.Http.GetAsync(ThumbnailUrl(file, size));
        Assert.That(await again.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes), "served from the store the second time");
    }

    [Test]
    public async Task A_portrait_photo_thumbnail_is_upright_and_a_small_image_is_not_enlarged()
    {
        // 64x48 stored, EXIF orientation 6: shown 48x64.
        var file = await User.UploadImageAsync(PersonaId, MediaFixtures.Read(MediaFixtures.PhotoJpeg), "photo.jpg").UploadOkAsync();

        using var response = await User.Http.GetAsync(ThumbnailUrl(file, 160));
        using var image = NetVips.Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());

        Assert.That((image.Width, image.Height), Is.EqualTo((48, 64)));
    }

    [Test]
    public async Task The_same_thumbnail_again_is_304_with_its_etag()
    {
        var file = await User.UploadImageAsync(PersonaId, LargeJpeg(), "large.jpg").UploadOkAsync();
        using var first = await User.Http.GetAsync(ThumbnailUrl(file, 160));
        var etag = first.Headers.ETag;
        Assert.That(etag, Is.Not.Null);

        using var request = new HttpRequestMessage(HttpMethod.Get, ThumbnailUrl(file, 160));
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag!.Tag));
        using var second = await User.Http.SendAsync(request);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task Thumbnails_go_with_their_file()
    {
        var file = await User.UploadImageAsync(PersonaId, LargeJpeg(), "large.jpg").UploadOkAsync();
        foreach (var size in new[] { 160, 640 })
        {
            using var made = await User.Http.GetAsync(ThumbnailUrl(file, size));
            Assert.That(made.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            using var jpeg = await User.Http.GetAsync(ThumbnailUrl(file, size) + "&format=jpeg");
            Assert.That(jpeg.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That((await App.Storage.ListKeysAsync()).Count(k => k.Contains(".thumb-", StringComparison.Ordinal)), Is.EqualTo(4));

        var stem = file.GetProperty("filename").GetString()![..32];
        using var deleted = await User.Http.DeleteAsync($"/upload/files/{file.GetProperty("id").GetInt32()}");

        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await App.Storage.ListKeysAsync(), Has.None.Contains(stem));
    }

    [Test]
    public async Task Files_without_a_thumbnail_and_sizes_outside_the_presets_are_4xx_problems()
    {
        var video = await User.UploadVideoAsync(PersonaId, MediaFixtures.Read(MediaFixtures.VideoMoovFirst)).UploadOkAsync();
        var zeros = await User.UploadImageAsync(PersonaId, Payloads.Jpeg(4096), "zeros.jpg").UploadOkAsync();
        var photo = await User.UploadImageAsync(PersonaId, MediaFixtures.Read(MediaFixtures.PhotoJpeg), "photo.jpg").UploadOkAsync();
        var other = await App.CreateUserAsync("other");

        Assert.That(video.GetProperty("thumbnails").EnumerateObject(), Is.Empty);
        Assert.That(zeros.GetProperty("thumbnails").EnumerateObject(), Is.Empty);
        await ProblemAssert.IsProblemAsync(await User.Http.GetAsync(ThumbnailUrl(video, 160)), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await User.Http.GetAsync(ThumbnailUrl(zeros, 160)), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await other.Http.GetAsync(ThumbnailUrl(photo, 160)), HttpStatusCode.NotFound);
        Assert.That(await ProblemAssert.IsValidationProblemAsync(await User.Http.GetAsync(ThumbnailUrl(photo, 100)), "size"), Is.Not.Empty);
        Assert.That(await ProblemAssert.IsValidationProblemAsync(await User.Http.GetAsync($"/upload/files/{photo.GetProperty("id").GetInt32()}/thumbnail"), "size"), Is.Not.Empty);
    }

    [Test]
    public async Task An_image_cut_short_or_with_a_garbage_body_gets_a_thumbnail_as_a_browser_would_show_it_never_a_5xx()
    {
        var photo = LargeJpeg();
        var garbage = (byte[])photo.Clone();
        new Random(5).NextBytes(garbage.AsSpan(garbage.Length / 3, garbage.Length / 2));

        foreach (var bytes in new[] { photo[..(photo.Length / 2)], garbage })
        {
            var file = await User.UploadImageAsync(PersonaId, bytes, "damaged.jpg").UploadOkAsync();
            Assert.That(file.GetProperty("thumbnails").EnumerateObject(), Is.Not.Empty, "the damage leaves the header");

            using var response = await User.Http.GetAsync(ThumbnailUrl(file, 160));

            // libvips, like a browser, shows what decodes (grey beyond a cut); what does not decode at all is a 404 problem.
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var image = NetVips.Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
                Assert.That((image.Width, image.Height), Is.EqualTo((160, 107)));
            }
            else
            {
                await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
            }
        }
    }

    [Test]
    public async Task A_jpeg_thumbnail_is_made_when_asked_stored_beside_the_original_with_an_etag_of_its_own()
    {
        var file = await User.UploadImageAsync(PersonaId, LargeJpeg(), "large.jpg").UploadOkAsync();

        using var webp = await User.Http.GetAsync(ThumbnailUrl(file, 160));
        using var response = await User.Http.GetAsync(ThumbnailUrl(file, 160) + "&format=jpeg");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/jpeg"));
        using (var image = NetVips.Image.NewFromBuffer(bytes, failOn: NetVips.Enums.FailOn.Error))
        {
            Assert.That((image.Width, image.Height, (string)image.Get("vips-loader")), Is.EqualTo((160, 107, "jpegload_buffer")));
            Assert.That(image.GetFields(), Has.None.StartsWith("exif-"), "no metadata");
        }

        Assert.That(response.Headers.ETag, Is.Not.EqualTo(webp.Headers.ETag), "another representation, another tag");
        var stem = file.GetProperty("filename").GetString()![..32];
        Assert.That(await App.Storage.ReadAsync($"{User.Id}/{PersonaId}/{stem}.thumb-160.jpg"), Is.EqualTo(bytes));
        Assert.That(await ProblemAssert.IsValidationProblemAsync(await User.Http.GetAsync(ThumbnailUrl(file, 160) + "&format=gif"), "format"), Is.Not.Empty);
    }

    [Test]
    public async Task A_png_with_transparency_makes_an_opaque_jpeg_on_white()
    {
        using var clear = NetVips.Image.Black(400, 300, bands: 4);
        var file = await User.UploadImageAsync(PersonaId, clear.Cast(NetVips.Enums.BandFormat.Uchar).PngsaveBuffer(), "clear.png").UploadOkAsync();

        using var response = await User.Http.GetAsync(ThumbnailUrl(file, 160) + "&format=jpeg");
        using var image = NetVips.Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());

        Assert.That((image.Width, image.Height, image.Bands), Is.EqualTo((160, 120, 3)));
        Assert.That(image.Avg(), Is.GreaterThan(250), "transparent shows as white");
    }

    [Test]
    public async Task A_thumbnail_has_signed_urls_that_load_without_a_token_like_the_original()
    {
        var file = await User.UploadImageAsync(PersonaId, LargeJpeg(), "large.jpg").UploadOkAsync();
        var id = file.GetProperty("id").GetInt32();
        using var anonymous = App.CreateClient();

        foreach (var (query, type, width, loader) in new[]
        {
            ("size=160", "image/webp", 160, "webpload_buffer"),
            ("size=640&format=jpeg", "image/jpeg", 640, "jpegload_buffer"),
        })
        {
            var url = (await (await User.Http.GetAsync($"/upload/files/{id}/url?{query}")).JsonAsync()).GetProperty("url").GetString()!;
            using var response = await anonymous.GetAsync(new Uri(url).PathAndQuery);
            var bytes = await response.Content.ReadAsByteArrayAsync();

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), query);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(type));
            Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("inline"));
            Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar, Does.StartWith("large.thumb-"));
            Assert.That(response.Headers.CacheControl?.Private, Is.True);
            using var image = NetVips.Image.NewFromBuffer(bytes);
            Assert.That((image.Width, (string)image.Get("vips-loader")), Is.EqualTo((width, loader)));
        }

        // In lists and info with include=urls, each thumbnail carries its URL.
        var listed = await (await User.Http.GetAsync($"/upload/files/{id}?include=urls")).JsonAsync();
        var thumbnailUrl = listed.GetProperty("thumbnails").GetProperty("160").GetProperty("url").GetString()!;
        Assert.That(thumbnailUrl, Is.Not.EqualTo(listed.GetProperty("download_url").GetString()));
        using (var viaList = await anonymous.GetAsync(new Uri(thumbnailUrl).PathAndQuery))
        {
            Assert.That(viaList.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/webp"));
        }

        var plain = await (await User.Http.GetAsync($"/upload/files/{id}")).JsonAsync();
        Assert.That(plain.GetProperty("thumbnails").GetProperty("160").TryGetProperty("url", out _), Is.False, "no URL without include=urls");

        // A video has no thumbnail to sign; a format needs a size; a deleted file's thumbnail URL stops.
        var video = await User.UploadVideoAsync(PersonaId, MediaFixtures.Read(MediaFixtures.VideoMoovFirst)).UploadOkAsync();
        await ProblemAssert.IsProblemAsync(await User.Http.GetAsync($"/upload/files/{video.GetProperty("id").GetInt32()}/url?size=160"), HttpStatusCode.NotFound);
        Assert.That(await ProblemAssert.IsValidationProblemAsync(await User.Http.GetAsync($"/upload/files/{id}/url?format=jpeg"), "format"), Is.Not.Empty);
        Assert.That(await ProblemAssert.IsValidationProblemAsync(await User.Http.GetAsync($"/upload/files/{id}/url?size=100"), "size"), Is.Not.Empty);
        (await User.Http.DeleteAsync($"/upload/files/{id}")).EnsureSuccessStatusCode();
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync(new Uri(thumbnailUrl).PathAndQuery), HttpStatusCode.NotFound);
    }

    private static string ThumbnailUrl(JsonElement file, int size) => $"/upload/files/{file.GetProperty("id").GetInt32()}/thumbnail?size={size}";
}
