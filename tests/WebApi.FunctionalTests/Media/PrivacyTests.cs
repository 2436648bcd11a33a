using System.Net;
using System.Text.Json;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Icc;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

/// <summary>
/// Privacy by default: what is stored (and so served) holds no GPS, serial, XMP, IPTC or comment,
/// still decodes, keeps its colour profile and orientation; size, hash and ETag describe it.
/// Each test first proves the fixture itself carries what must go, so it can fail.
/// </summary>
public class PrivacyTests(TestEnvironment environment) : UploadTestBase(environment)
{
    [Test]
    public async Task Jpeg_is_stored_without_gps_xmp_iptc_or_comment_keeping_icc_orientation_and_the_scan()
    {
        var original = MediaFixtures.Read(MediaFixtures.PhotoJpeg);
        Assert.That(Locations(original), Is.Not.Empty, "the fixture carries GPS");

        var file = await User.UploadImageAsync(PersonaId, original, "photo.jpg").UploadOkAsync();
        var stored = await StoredBytesAsync(file);

        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(stored));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Locations(stored), Is.Empty, "no GPS left");
            Assert.That(directories.Select(d => d.Name), Has.None.Contains("XMP").And.None.Contains("IPTC").And.None.Contains("Comment"));
            Assert.That(directories.OfType<ExifSubIfdDirectory>(), Is.Empty, "no camera serial, times or other EXIF");
            Assert.That(directories.OfType<ExifIfd0Directory>().Single().GetInt32(ExifDirectoryBase.TagOrientation), Is.EqualTo(6), "orientation kept");
            Assert.That(directories.OfType<IccDirectory>(), Is.Not.Empty, "ICC profile kept");
            Assert.That(Text(stored), Does.Not.Contain("CAM-12345").And.Not.Contain("Grandma").And.Not.Contain("Paris"));
            Assert.That(stored.AsSpan()[ScanStart(stored)..].SequenceEqual(original.AsSpan()[ScanStart(original)..]), Is.True, "entropy-coded data untouched");
            Assert.That(file.GetProperty("metadata_removed").EnumerateArray().Select(e => e.GetString()), Is.SupersetOf(new[] { "EXIF", "XMP", "IPTC", "comment" }));
        }

        AssertDescribes(file, stored);
        await AssertServedAsync(file, stored);
        using var image = NetVips.Image.NewFromBuffer(stored, failOn: NetVips.Enums.FailOn.Error);
        Assert.That((image.Width, image.Height), Is.EqualTo((64, 48)), "the stored JPEG decodes");
        _ = image.Avg();
    }

    [Test]
    public async Task Png_is_stored_without_exif_text_or_time_chunks_keeping_its_colour_chunks()
    {
        var original = MediaFixtures.Read(MediaFixtures.PhotoPng);
        Assert.That(Locations(original), Is.Not.Empty, "the fixture carries GPS");

        var file = await User.UploadImageAsync(PersonaId, original, "photo.png").UploadOkAsync();
        var stored = await StoredBytesAsync(file);

        var chunks = PngChunks(stored);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Locations(stored), Is.Empty, "no GPS left");
            Assert.That(chunks, Has.None.AnyOf("eXIf", "tEXt", "iTXt", "zTXt", "tIME"));
            Assert.That(chunks, Is.SupersetOf(new[] { "IHDR", "gAMA", "cHRM", "IDAT", "IEND" }));
            Assert.That(chunks.Last(), Is.EqualTo("IEND"));
            Assert.That(Text(stored), Does.Not.Contain("Grandma").And.Not.Contain("shot at home"));
            Assert.That(file.GetProperty("metadata_removed").EnumerateArray().Select(e => e.GetString()), Does.Contain("eXIf").And.Contain("tIME"));
        }

        AssertDescribes(file, stored);
        await AssertServedAsync(file, stored);
        using var image = NetVips.Image.NewFromBuffer(stored, failOn: NetVips.Enums.FailOn.Error);
        Assert.That((image.Width, image.Height), Is.EqualTo((40, 30)), "the stored PNG decodes");
        _ = image.Avg();
    }

    [TestCase(MediaFixtures.VideoMoovFirst, new[] { "loci", "©xyz", "XMP" })]
    [TestCase(MediaFixtures.VideoMoovLast, new[] { "location key" })]
    public async Task Mp4_location_and_xmp_are_blanked_in_place_whether_moov_comes_first_or_last(string fixture, string[] removed)
    {
        var original = MediaFixtures.Read(fixture);
        Assert.That(Text(original), Does.Contain("+48.8577"), "the fixture carries a location");

        var file = await User.UploadVideoAsync(PersonaId, original).UploadOkAsync();
        var stored = await StoredBytesAsync(file);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored, Has.Length.EqualTo(original.Length), "blanked in place: no size changes, no offset moves");
            Assert.That(Locations(stored), Is.Empty, "no location left");
            Assert.That(Text(stored), Does.Not.Contain("+48.8577").And.Not.Contain("Grandma").And.Not.Contain("loci").And.Not.Contain("\u00A9xyz"));
            Assert.That(TopLevelBoxes(stored).Select(b => (b.Type == "uuid" ? "free" : b.Type, b.Offset, b.Size)),
                Is.EqualTo(TopLevelBoxes(original).Select(b => (b.Type == "uuid" ? "free" : b.Type, b.Offset, b.Size))), "every box where it was");
            var mdat = TopLevelBoxes(original).Single(b => b.Type == "mdat");
            Assert.That(stored.AsSpan(mdat.Offset, mdat.Size).SequenceEqual(original.AsSpan(mdat.Offset, mdat.Size)), Is.True, "samples untouched");
            Assert.That(file.GetProperty("metadata_removed").EnumerateArray().Select(e => e.GetString()), Is.EquivalentTo(removed));
            Assert.That(file.GetProperty("duration_seconds").GetDouble(), Is.Positive, "the movie still reads");
        }

        AssertDescribes(file, stored);
        await AssertServedAsync(file, stored);
    }

    [Test]
    public async Task With_metadata_kept_the_bytes_are_stored_as_sent()
    {
        await using var keeping = App.WithWebHostBuilder(b => b.UseSetting("Media:KeepMetadata", "true"));
        var client = keeping.CreateClient();
        client.DefaultRequestHeaders.Authorization = User.Http.DefaultRequestHeaders.Authorization;
        var user = User with { Http = client };

        foreach (var (fixture, upload) in new (string, Func<byte[], Task<HttpResponseMessage>>)[]
        {
            (MediaFixtures.PhotoJpeg, bytes => user.UploadImageAsync(PersonaId, bytes, "photo.jpg")),
            (MediaFixtures.PhotoPng, bytes => user.UploadImageAsync(PersonaId, bytes, "photo.png")),
            (MediaFixtures.VideoMoovFirst, bytes => user.UploadVideoAsync(PersonaId, bytes)),
        })
        {
            var original = MediaFixtures.Read(fixture);
            var file = await upload(original).UploadOkAsync();

            Assert.That(await StoredBytesAsync(file), Is.EqualTo(original), fixture);
            Assert.That(file.GetProperty("metadata_removed").GetArrayLength(), Is.Zero, fixture);
        }
    }

    [Test]
    public async Task A_file_without_metadata_is_stored_as_sent_and_says_nothing_was_removed()
    {
        var bytes = Payloads.Jpeg(4096);

        var file = await User.UploadImageAsync(PersonaId, bytes, "zeros.jpg").UploadOkAsync();

        Assert.That(await StoredBytesAsync(file), Is.EqualTo(bytes));
        Assert.That(file.GetProperty("metadata_removed").GetArrayLength(), Is.Zero);
    }

    private async Task<byte[]> StoredBytesAsync(JsonElement file) =>
        await App.Storage.ReadAsync($"{User.Id}/{PersonaId}/{file.GetProperty("filename").GetString()}");

    private static void AssertDescribes(JsonElement file, byte[] stored)
    {
        Assert.That(file.GetProperty("file_size").GetInt64(), Is.EqualTo(stored.Length), "file_size is the stored file's");
        Assert.That(file.GetProperty("sha256").GetString(), Is.EqualTo(Payloads.Sha256(stored)), "sha256 is the stored file's");
    }

    private async Task AssertServedAsync(JsonElement file, byte[] stored)
    {
        using var response = await User.Http.GetAsync($"/upload/files/{file.GetProperty("id").GetInt32()}/download");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(stored), "what is served is what is stored");
        Assert.That(response.Headers.ETag?.Tag, Is.EqualTo($"\"{Payloads.Sha256(stored)}\""));
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(stored.Length));
    }

    /// <summary>Every tag MetadataExtractor reads that places the file (GPS, location).</summary>
    private static List<string> Locations(byte[] bytes) =>
        ImageMetadataReader.ReadMetadata(new MemoryStream(bytes))
            .SelectMany(d => d.Tags.Select(t => $"{d.Name}: {t.Name} = {t.Description}"))
            .Where(t => t.Contains("GPS", StringComparison.OrdinalIgnoreCase) || t.Contains("location", StringComparison.OrdinalIgnoreCase))
            .ToList();

    /// <summary>The file read as Latin-1 text, for looking for the fixtures' telltale strings.</summary>
    private static string Text(byte[] bytes) => System.Text.Encoding.Latin1.GetString(bytes);

    private static int ScanStart(byte[] jpeg)
    {
        for (var i = 2; i + 1 < jpeg.Length; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xDA)
            {
                return i;
            }
        }

        throw new InvalidOperationException("no start of scan");
    }

    private static List<string> PngChunks(byte[] png)
    {
        var chunks = new List<string>();
        for (var at = 8; at + 8 <= png.Length;)
        {
            var length = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            chunks.Add(System.Text.Encoding.ASCII.GetString(png, at + 4, 4));
            at += 12 + length;
        }

        return chunks;
    }

    private static List<(string Type, int Offset, int Size)> TopLevelBoxes(byte[] mp4)
    {
        var boxes = new List<(string, int, int)>();
        for (var at = 0; at + 8 <= mp4.Length;)
        {
            var size = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(mp4.AsSpan(at));
            boxes.Add((System.Text.Encoding.Latin1.GetString(mp4, at + 4, 4), at, size));
            at += size;
        }

        return boxes;
    }
}
