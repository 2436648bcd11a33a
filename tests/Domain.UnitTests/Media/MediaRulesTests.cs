using PersonaMedia.Domain.Media;

namespace PersonaMedia.Domain.UnitTests.Media;

public class MediaRulesTests
{
    // ---- Limits -------------------------------------------------------------------------------

    [Test]
    public void File_size_limit_is_exactly_10_MiB()
    {
        Assert.That(MediaRules.MaxFileSizeBytes, Is.EqualTo(10_485_760));
        Assert.That(MediaRules.MaxFileSizeMegabytes, Is.EqualTo(10));
    }

    [Test]
    public void Text_limits_are_the_contract_ones()
    {
        Assert.That(MediaRules.DescriptionMaxLength, Is.EqualTo(1000));
        Assert.That(MediaRules.OriginalFilenameMaxLength, Is.EqualTo(255));
    }

    // ---- Extensions ---------------------------------------------------------------------------

    [Test]
    public void Image_endpoint_allows_jpg_jpeg_and_png()
    {
        Assert.That(MediaRules.AllowedExtensions(MediaType.Image), Is.EquivalentTo([".jpg", ".jpeg", ".png"]));
    }

    [Test]
    public void Video_endpoint_allows_only_mp4()
    {
        Assert.That(MediaRules.AllowedExtensions(MediaType.Video), Is.EquivalentTo([".mp4"]));
    }

    private static IEnumerable<TestCaseData> AllowedFileNames()
    {
        yield return Allowed(MediaType.Image, "photo.jpg", MediaFormat.Jpeg);
        yield return Allowed(MediaType.Image, "photo.JPG", MediaFormat.Jpeg);
        yield return Allowed(MediaType.Image, "photo.Jpg", MediaFormat.Jpeg);
        yield return Allowed(MediaType.Image, "photo.jpeg", MediaFormat.Jpeg);
        yield return Allowed(MediaType.Image, "PHOTO.JPEG", MediaFormat.Jpeg);
        yield return Allowed(MediaType.Image, "logo.png", MediaFormat.Png);
        yield return Allowed(MediaType.Image, "logo.PnG", MediaFormat.Png);
        yield return Allowed(MediaType.Image, "archive.tar.png", MediaFormat.Png);
        yield return Allowed(MediaType.Image, "photo.gif.jpg", MediaFormat.Jpeg);
        yield return Allowed(MediaType.Image, "albums/2024/photo.jpeg", MediaFormat.Jpeg);
        yield return Allowed(MediaType.Image, "C:\\Users\\me\\photo.png", MediaFormat.Png);
        yield return Allowed(MediaType.Image, "фото.jpg", MediaFormat.Jpeg);
        yield return Allowed(MediaType.Video, "clip.mp4", MediaFormat.Mp4);
        yield return Allowed(MediaType.Video, "CLIP.MP4", MediaFormat.Mp4);
        yield return Allowed(MediaType.Video, "holiday 2024 (final).Mp4", MediaFormat.Mp4);
    }

    [TestCaseSource(nameof(AllowedFileNames))]
    public void Allowed_extension_promises_its_format_whatever_its_case(MediaType endpoint, string fileName, MediaFormat expected)
    {
        Assert.That(MediaRules.FormatForFileName(endpoint, fileName), Is.EqualTo(expected));
    }

    [TestCase(MediaType.Image, "photo.gif")]
    [TestCase(MediaType.Image, "photo.webp")]
    [TestCase(MediaType.Image, "photo.heic")]
    [TestCase(MediaType.Image, "photo.svg")]
    [TestCase(MediaType.Image, "photo.jpe")]
    [TestCase(MediaType.Image, "photo.jfif")]
    [TestCase(MediaType.Image, "photo.jpgx")]
    [TestCase(MediaType.Image, "photo.pn")]
    [TestCase(MediaType.Image, "photo.jpg.exe")]
    [TestCase(MediaType.Image, "photo.png.php")]
    [TestCase(MediaType.Image, "photo_jpg")]
    [TestCase(MediaType.Image, "jpg")]
    [TestCase(MediaType.Image, "photo")]
    [TestCase(MediaType.Image, "photo.")]
    [TestCase(MediaType.Image, "photo.jpg/")]
    [TestCase(MediaType.Image, "")]
    [TestCase(MediaType.Image, null)]
    [TestCase(MediaType.Image, "clip.mp4")]
    [TestCase(MediaType.Video, "clip.mov")]
    [TestCase(MediaType.Video, "clip.m4v")]
    [TestCase(MediaType.Video, "clip.mkv")]
    [TestCase(MediaType.Video, "clip.webm")]
    [TestCase(MediaType.Video, "clip.mp4.txt")]
    [TestCase(MediaType.Video, "clip.mp")]
    [TestCase(MediaType.Video, "clip")]
    [TestCase(MediaType.Video, null)]
    [TestCase(MediaType.Video, "photo.jpg")]
    [TestCase(MediaType.Video, "photo.jpeg")]
    [TestCase(MediaType.Video, "photo.png")]
    public void Extension_not_allowed_on_the_endpoint_promises_nothing(MediaType endpoint, string? fileName)
    {
        Assert.That(MediaRules.FormatForFileName(endpoint, fileName), Is.Null);
    }

    // ---- Declared content types ---------------------------------------------------------------

    [Test]
    public void Image_endpoint_allows_the_three_image_types()
    {
        Assert.That(MediaRules.AllowedContentTypes(MediaType.Image), Is.EquivalentTo(["image/jpeg", "image/jpg", "image/png"]));
    }

    [Test]
    public void Video_endpoint_allows_only_video_mp4()
    {
        Assert.That(MediaRules.AllowedContentTypes(MediaType.Video), Is.EquivalentTo(["video/mp4"]));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("application/octet-stream")]
    [TestCase("APPLICATION/OCTET-STREAM")]
    [TestCase("Application/Octet-Stream")]
    [TestCase("  application/octet-stream  ")]
    [TestCase("application/octet-stream; charset=binary")]
    [TestCase("application/octet-stream;name=\"photo.jpg\"")]
    public void Absent_or_octet_stream_type_counts_as_nothing_declared(string? contentType)
    {
        foreach (var endpoint in Enum.GetValues<MediaType>())
        {
            var declared = MediaRules.Declared(endpoint, contentType);

            Assert.That(declared, Is.EqualTo(DeclaredType.None));
            Assert.That(declared.IsGiven, Is.False);
            Assert.That(declared.IsAllowed, Is.True);
            Assert.That(declared.Format, Is.Null);
        }
    }

    private static IEnumerable<TestCaseData> AllowedDeclaredTypes()
    {
        yield return Declared(MediaType.Image, "image/jpeg", "image/jpeg", MediaFormat.Jpeg);
        yield return Declared(MediaType.Image, "image/jpg", "image/jpg", MediaFormat.Jpeg);
        yield return Declared(MediaType.Image, "image/png", "image/png", MediaFormat.Png);
        yield return Declared(MediaType.Image, "IMAGE/PNG", "IMAGE/PNG", MediaFormat.Png);
        yield return Declared(MediaType.Image, "Image/Jpeg", "Image/Jpeg", MediaFormat.Jpeg);
        yield return Declared(MediaType.Image, "image/png; charset=utf-8", "image/png", MediaFormat.Png);
        yield return Declared(MediaType.Image, "image/jpeg;charset=UTF-8", "image/jpeg", MediaFormat.Jpeg);
        yield return Declared(MediaType.Image, "image/jpeg ; charset=binary ; q=1", "image/jpeg", MediaFormat.Jpeg);
        yield return Declared(MediaType.Image, "image/png;", "image/png", MediaFormat.Png);
        yield return Declared(MediaType.Image, "  image/png  ", "image/png", MediaFormat.Png);
        yield return Declared(MediaType.Image, "image/jpeg; name=\"a;b.jpg\"", "image/jpeg", MediaFormat.Jpeg);
        yield return Declared(MediaType.Video, "video/mp4", "video/mp4", MediaFormat.Mp4);
        yield return Declared(MediaType.Video, "VIDEO/MP4", "VIDEO/MP4", MediaFormat.Mp4);
        yield return Declared(MediaType.Video, "video/mp4; codecs=\"avc1.42E01E, mp4a.40.2\"", "video/mp4", MediaFormat.Mp4);
    }

    [TestCaseSource(nameof(AllowedDeclaredTypes))]
    public void Allowed_declared_type_promises_its_format_ignoring_parameters(
        MediaType endpoint, string contentType, string essence, MediaFormat format)
    {
        var declared = MediaRules.Declared(endpoint, contentType);

        Assert.That(declared, Is.EqualTo(new DeclaredType(essence, format)));
        Assert.That(declared.IsGiven, Is.True);
        Assert.That(declared.IsAllowed, Is.True);
    }

    [TestCase(MediaType.Image, "image/gif", "image/gif")]
    [TestCase(MediaType.Image, "image/webp", "image/webp")]
    [TestCase(MediaType.Image, "image/svg+xml", "image/svg+xml")]
    [TestCase(MediaType.Image, "image/pjpeg", "image/pjpeg")]
    [TestCase(MediaType.Image, "image/x-png", "image/x-png")]
    [TestCase(MediaType.Image, "image/*", "image/*")]
    [TestCase(MediaType.Image, "image/", "image/")]
    [TestCase(MediaType.Image, "image", "image")]
    [TestCase(MediaType.Image, "image/ png", "image/ png")]
    [TestCase(MediaType.Image, "image/png, image/jpeg", "image/png, image/jpeg")]
    [TestCase(MediaType.Image, "text/plain; charset=utf-8", "text/plain")]
    [TestCase(MediaType.Image, "text/html", "text/html")]
    [TestCase(MediaType.Image, "video/mp4", "video/mp4")]
    [TestCase(MediaType.Image, "application/pdf", "application/pdf")]
    [TestCase(MediaType.Image, "application/octet-streamx", "application/octet-streamx")]
    [TestCase(MediaType.Video, "video/quicktime", "video/quicktime")]
    [TestCase(MediaType.Video, "video/mpeg", "video/mpeg")]
    [TestCase(MediaType.Video, "video/x-m4v", "video/x-m4v")]
    [TestCase(MediaType.Video, "audio/mp4", "audio/mp4")]
    [TestCase(MediaType.Video, "application/mp4", "application/mp4")]
    [TestCase(MediaType.Video, "image/jpeg", "image/jpeg")]
    [TestCase(MediaType.Video, "image/png; charset=utf-8", "image/png")]
    public void Other_declared_type_is_given_but_not_allowed(MediaType endpoint, string contentType, string essence)
    {
        var declared = MediaRules.Declared(endpoint, contentType);

        Assert.That(declared, Is.EqualTo(new DeclaredType(essence, null)));
        Assert.That(declared.IsGiven, Is.True);
        Assert.That(declared.IsAllowed, Is.False);
    }

    [TestCase("; charset=utf-8")]
    [TestCase(";")]
    [TestCase("  ;image/png")]
    public void Parameters_without_a_type_are_given_but_not_allowed(string contentType)
    {
        // The client did send a Content-Type; that it names no type does not make it "nothing declared".
        var declared = MediaRules.Declared(MediaType.Image, contentType);

        Assert.That(declared.IsGiven, Is.True);
        Assert.That(declared.IsAllowed, Is.False);
        Assert.That(declared.Format, Is.Null);
    }

    [TestCase(null, "")]
    [TestCase("", "")]
    [TestCase(" \t ", "")]
    [TestCase("image/png", "image/png")]
    [TestCase(" image/png ", "image/png")]
    [TestCase("image/png;charset=utf-8", "image/png")]
    [TestCase("image/png ; a=b; c=d", "image/png")]
    [TestCase("; charset=utf-8", "")]
    public void Media_type_essence_is_the_trimmed_type_before_any_parameter(string? contentType, string expected)
    {
        Assert.That(MediaRules.MediaTypeEssence(contentType), Is.EqualTo(expected));
    }

    [Test]
    public void Nothing_declared_is_allowed_and_promises_nothing()
    {
        Assert.That(DeclaredType.None.IsGiven, Is.False);
        Assert.That(DeclaredType.None.IsAllowed, Is.True);
        Assert.That(DeclaredType.None.Format, Is.Null);
        Assert.That(DeclaredType.None.Essence, Is.Empty);
    }

    // ---- Formats ------------------------------------------------------------------------------

    private static IEnumerable<TestCaseData> Formats()
    {
        yield return new TestCaseData(MediaFormat.Jpeg, MediaType.Image, "image/jpeg", ".jpg").SetArgDisplayNames("JPEG");
        yield return new TestCaseData(MediaFormat.Png, MediaType.Image, "image/png", ".png").SetArgDisplayNames("PNG");
        yield return new TestCaseData(MediaFormat.Mp4, MediaType.Video, "video/mp4", ".mp4").SetArgDisplayNames("MP4");
    }

    [TestCaseSource(nameof(Formats))]
    public void Format_stores_the_contract_mime_type_and_extension(
        MediaFormat format, MediaType mediaType, string mimeType, string extension)
    {
        Assert.That(format.MediaType, Is.EqualTo(mediaType));
        Assert.That(format.MimeType, Is.EqualTo(mimeType));
        Assert.That(format.Extension, Is.EqualTo(extension));
        Assert.That(MediaFormat.FromMimeType(mimeType), Is.SameAs(format));
        Assert.That(MediaFormat.FromMimeType(mimeType.ToUpperInvariant()), Is.SameAs(format));
    }

    [Test]
    public void Every_format_is_listed_once()
    {
        Assert.That(MediaFormat.All, Is.EquivalentTo([MediaFormat.Jpeg, MediaFormat.Png, MediaFormat.Mp4]));
    }

    [TestCase("image/gif")]
    [TestCase("image/jpg")]
    [TestCase("video/quicktime")]
    [TestCase("")]
    public void Unknown_stored_mime_type_has_no_format(string mimeType)
    {
        Assert.That(MediaFormat.FromMimeType(mimeType), Is.Null);
    }

    [TestCaseSource(nameof(Formats))]
    public void Format_of_a_media_type_is_reachable_from_its_own_endpoint_only(
        MediaFormat format, MediaType mediaType, string mimeType, string extension)
    {
        var other = mediaType == MediaType.Image ? MediaType.Video : MediaType.Image;

        Assert.That(MediaRules.FormatForFileName(mediaType, "file" + extension), Is.SameAs(format));
        Assert.That(MediaRules.Declared(mediaType, mimeType).Format, Is.SameAs(format));
        Assert.That(MediaRules.FormatForFileName(other, "file" + extension), Is.Null);
        Assert.That(MediaRules.Declared(other, mimeType).IsAllowed, Is.False);
    }

    private static TestCaseData Allowed(MediaType endpoint, string fileName, MediaFormat format) =>
        new TestCaseData(endpoint, fileName, format).SetArgDisplayNames(endpoint.ToString(), $"\"{fileName}\"");

    private static TestCaseData Declared(MediaType endpoint, string contentType, string essence, MediaFormat format) =>
        new TestCaseData(endpoint, contentType, essence, format).SetArgDisplayNames(endpoint.ToString(), $"\"{contentType}\"");
}
