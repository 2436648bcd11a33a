using PersonaMedia.Domain.Media;

namespace PersonaMedia.Domain.UnitTests.Media;

public class ContentSignatureTests
{
    [Test]
    public void Jpeg_magic_is_recognised()
    {
        var detected = ContentSignature.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]);

        Assert.That(detected?.Format, Is.EqualTo(MediaFormat.Jpeg));
    }
}
