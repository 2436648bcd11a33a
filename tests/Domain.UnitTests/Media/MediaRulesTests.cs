using PersonaMedia.Domain.Media;

namespace PersonaMedia.Domain.UnitTests.Media;

public class MediaRulesTests
{
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

    [TestCase(MediaType.Image, "image/jpeg", "JPEG")]
    [TestCase(MediaType.Image, "image/jpg", "JPEG")]
    [TestCase(MediaType.Image, "IMAGE/JPEG", "JPEG")]
    [TestCase(MediaType.Image, "Image/Jpeg", "JPEG")]
    [TestCase(MediaType.Image, "image/png", "PNG")]
    [TestCase(MediaType.Image, "IMAGE/PNG", "PNG")]
    [TestCase(MediaType.Video, "video/mp4", "MP4")]
    [TestCase(MediaType.Video, "VIDEO/MP4", "MP4")]
    public void Allowed_declared_type_promises_its_format_whatever_its_case(MediaType endpoint, string contentType, string format)
    {
        Assert.That(MediaRules.FormatForContentType(endpoint, contentType)?.Name, Is.EqualTo(format));
    }

    [TestCase(MediaType.Image, "image/gif")]
    [TestCase(MediaType.Image, "image/webp")]
    [TestCase(MediaType.Image, "image/svg+xml")]
    [TestCase(MediaType.Image, "image/pjpeg")]
    [TestCase(MediaType.Image, "image/x-png")]
    [TestCase(MediaType.Image, "image/*")]
    [TestCase(MediaType.Image, "image/")]
    [TestCase(MediaType.Image, "image")]
    [TestCase(MediaType.Image, "image/ png")]
    [TestCase(MediaType.Image, "image/png, image/jpeg")]
    [TestCase(MediaType.Image, "text/plain")]
    [TestCase(MediaType.Image, "video/mp4")]
    [TestCase(MediaType.Image, "application/octet-streamx")]
    [TestCase(MediaType.Image, "; charset=utf-8")]
    [TestCase(MediaType.Video, "video/quicktime")]
    [TestCase(MediaType.Video, "video/mpeg")]
    [TestCase(MediaType.Video, "video/x-m4v")]
    [TestCase(MediaType.Video, "audio/mp4")]
    [TestCase(MediaType.Video, "application/mp4")]
    [TestCase(MediaType.Video, "image/jpeg")]
    public void Other_declared_type_promises_nothing(MediaType endpoint, string contentType)
    {
        Assert.That(MediaRules.FormatForContentType(endpoint, contentType), Is.Null);
    }

    // ---- The format table ---------------------------------------------------------------------

    private static IEnumerable<TestCaseData> Formats()
    {
        yield return new TestCaseData(MediaFormat.Jpeg, MediaType.Image, "image/jpeg", ".jpg").SetArgDisplayNames("JPEG");
        yield return new TestCaseData(MediaFormat.Png, MediaType.Image, "image/png", ".png").SetArgDisplayNames("PNG");
        yield return new TestCaseData(MediaFormat.Mp4, MediaType.Video, "video/mp4", ".mp4").SetArgDisplayNames("MP4");
    }

    [TestCaseSource(nameof(Formats))]
    public void Format_of_a_media_type_is_reachable_from_its_own_endpoint_only(
        MediaFormat format, MediaType mediaType, string contentType, string extension)
    {
        var other = mediaType == MediaType.Image ? MediaType.Video : MediaType.Image;

        Assert.That(format.MediaType, Is.EqualTo(mediaType));
        Assert.That(MediaRules.FormatForFileName(mediaType, "file" + extension), Is.SameAs(format));
        Assert.That(MediaRules.FormatForContentType(mediaType, contentType), Is.SameAs(format));
        Assert.That(MediaRules.FormatForFileName(other, "file" + extension), Is.Null);
        Assert.That(MediaRules.FormatForContentType(other, contentType), Is.Null);
    }

    private static TestCaseData Allowed(MediaType endpoint, string fileName, MediaFormat format) =>
        new TestCaseData(endpoint, fileName, format).SetArgDisplayNames(endpoint.ToString(), $"\"{fileName}\"");
}
