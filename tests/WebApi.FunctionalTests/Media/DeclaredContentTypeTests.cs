using PersonaMedia.WebApi.Infrastructure;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

/// <summary>
/// How the edge reduces a file part's declared Content-Type before the rules see it (SPEC rule 5):
/// parameters do not count, and a type that says nothing counts as nothing declared.
/// </summary>
public class DeclaredContentTypeTests
{
    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("application/octet-stream")]
    [TestCase("APPLICATION/OCTET-STREAM")]
    [TestCase("  application/octet-stream  ")]
    [TestCase("application/octet-stream; charset=binary")]
    [TestCase("application/octet-stream;name=\"photo.jpg\"")]
    public void Absent_or_octet_stream_type_counts_as_nothing_declared(string? declared)
    {
        Assert.That(MultipartUpload.Essence(declared), Is.Null);
    }

    [TestCase("image/png", "image/png")]
    [TestCase("  image/png  ", "image/png")]
    [TestCase("image/png;", "image/png")]
    [TestCase("image/png; charset=utf-8", "image/png")]
    [TestCase("image/jpeg ; charset=binary ; q=1", "image/jpeg")]
    [TestCase("image/jpeg; name=\"a;b.jpg\"", "image/jpeg")]
    [TestCase("video/mp4; codecs=\"avc1.42E01E, mp4a.40.2\"", "video/mp4")]
    [TestCase("text/plain; charset=utf-8", "text/plain")]
    public void A_declared_type_is_its_trimmed_type_before_any_parameter(string declared, string essence)
    {
        Assert.That(MultipartUpload.Essence(declared), Is.EqualTo(essence));
    }

    [TestCase("; charset=utf-8")]
    [TestCase(";")]
    public void Parameters_without_a_type_are_still_declared(string declared)
    {
        // The client did send a Content-Type; that it names no type does not make it "nothing declared".
        Assert.That(MultipartUpload.Essence(declared), Is.EqualTo(declared.Trim()));
    }
}
