using System.Buffers;
using PersonaMedia.Domain.Media;
using PersonaMedia.Infrastructure.Media.Privacy;

namespace PersonaMedia.Infrastructure.IntegrationTests.Media;

/// <summary>
/// The privacy strips on real files in any chunking and on seeded random damage: they never throw,
/// the result does not depend on how the bytes arrive, and an MP4 never changes length.
/// </summary>
public class MetadataStripTests
{
    private readonly MetadataStripper _stripper = new();

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Media", "Fixtures", name));

    private static MediaFormat FormatOf(string name) =>
        name.EndsWith(".mp4", StringComparison.Ordinal) ? MediaFormat.Mp4 : name.EndsWith(".png", StringComparison.Ordinal) ? MediaFormat.Png : MediaFormat.Jpeg;

    [TestCase("photo-gps.jpg")]
    [TestCase("photo-gps.png")]
    [TestCase("video-moov-first.mp4")]
    [TestCase("video-moov-last.mp4")]
    public void The_result_is_the_same_in_any_chunking(string fixture)
    {
        var bytes = Fixture(fixture);
        var (whole, removed) = Strip(FormatOf(fixture), bytes, bytes.Length);

        Assert.That(removed, Is.Not.Empty);
        foreach (var chunk in new[] { 1, 2, 3, 7, 64, 1000 })
        {
            var (stripped, names) = Strip(FormatOf(fixture), bytes, chunk);
            Assert.That(stripped, Is.EqualTo(whole), $"in chunks of {chunk}");
            Assert.That(names, Is.EqualTo(removed), $"in chunks of {chunk}");
        }
    }

    [TestCase("photo-gps.jpg")]
    [TestCase("photo-gps.png")]
    [TestCase("video-moov-first.mp4")]
    [TestCase("video-moov-last.mp4")]
    public void Random_damage_and_cuts_never_throw_and_an_mp4_keeps_its_length(string fixture)
    {
        var format = FormatOf(fixture);
        var original = Fixture(fixture);
        var random = new Random(21);

        for (var i = 0; i < 2000; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = random.Next(1, 8); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = random.Next(3) switch { 0 => 0xFF, 1 => 0x00, _ => (byte)random.Next(256) };
            }

            var input = random.Next(3) == 0 ? bytes[..random.Next(bytes.Length)] : bytes;
            var (stripped, _) = Strip(format, input, random.Next(1, 5000));

            if (format == MediaFormat.Mp4)
            {
                Assert.That(stripped, Has.Length.EqualTo(input.Length), $"iteration {i}: blanking happens in place");
            }
        }
    }

    [Test]
    public void A_jpeg_without_metadata_passes_unchanged()
    {
        byte[] jfifAndZeros = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, .. new byte[500]];

        var (stripped, removed) = Strip(MediaFormat.Jpeg, jfifAndZeros, 100);

        Assert.That(stripped, Is.EqualTo(jfifAndZeros));
        Assert.That(removed, Is.Empty);
    }

    [Test]
    public void The_orientation_is_read_from_either_byte_order()
    {
        byte[] little = [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0];
        byte[] big = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];

        Assert.That((JpegStrip.Orientation(little), JpegStrip.Orientation(big), JpegStrip.Orientation(big.AsSpan(0, 12))), Is.EqualTo(((int?)8, (int?)6, (int?)null)));
    }

    private (byte[] Bytes, string[] Removed) Strip(MediaFormat format, byte[] bytes, int chunk)
    {
        using var strip = _stripper.Begin(format);
        var output = new ArrayBufferWriter<byte>();
        for (var at = 0; at < bytes.Length; at += chunk)
        {
            strip.Write(bytes.AsSpan(at, Math.Min(chunk, bytes.Length - at)), output);
        }

        strip.Complete(output);
        return (output.WrittenSpan.ToArray(), strip.Removed.ToArray());
    }
}
