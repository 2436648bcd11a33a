using Microsoft.Extensions.Logging.Abstractions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;
using PersonaMedia.Infrastructure.Media;

namespace PersonaMedia.Infrastructure.IntegrationTests.Media;

/// <summary>
/// The readers behind <see cref="IMediaInspector"/> on real files, on every cut of them, in any
/// chunking, and on seeded random damage: they never throw, and whatever they report passes the
/// domain's guard.
/// </summary>
public class MediaInspectorTests
{
    private static readonly MediaInspectionLimits HeadersOnly = new(50_000_000, Decode: false);
    private static readonly MediaInspectionLimits Decoding = new(50_000_000, Decode: true);

    private readonly MediaInspector _inspector = new(NullLogger<MediaInspector>.Instance);

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Media", "Fixtures", name));

    [TestCase("video-moov-first.mp4", 64, 48, 2.0, "avc1", true)]
    [TestCase("video-moov-last.mp4", 80, 60, 3.0, "hvc1", false)]
    public void Mp4_reads_the_same_in_any_chunking(string fixture, int width, int height, double duration, string codec, bool hasAudio)
    {
        var bytes = Fixture(fixture);
        var expected = new MediaMetadata(width, height, duration, codec, hasAudio);

        foreach (var chunk in new[] { 1, 7, 8, 9, 16, 4096, bytes.Length })
        {
            var result = Inspect(MediaFormat.Mp4, bytes, HeadersOnly, chunk);
            Assert.That(result, Is.EqualTo(new MediaInspectionResult(expected, null, null)), $"in chunks of {chunk}");
        }
    }

    [TestCase("video-moov-first.mp4")]
    [TestCase("video-moov-last.mp4")]
    public void Every_cut_of_an_mp4_is_read_without_a_throw_and_only_a_whole_moov_yields_facts(string fixture)
    {
        var bytes = Fixture(fixture);
        var moovEnd = MoovEnd(bytes);

        for (var length = 0; length <= bytes.Length; length++)
        {
            var result = Inspect(MediaFormat.Mp4, bytes[..length], HeadersOnly, 512);
            if (length < moovEnd)
            {
                Assert.That(result.Undecodable, Is.Not.Null, $"cut at {length}, before the moov box ends at {moovEnd}");
            }
            else
            {
                Assert.That(result.Undecodable, Is.Null, $"cut at {length}, after the moov box");
            }
        }
    }

    [TestCase("video-moov-first.mp4", "MP4")]
    [TestCase("video-moov-last.mp4", "MP4")]
    [TestCase("photo-gps.jpg", "JPEG")]
    [TestCase("photo-gps.png", "PNG")]
    public void Random_damage_never_throws_and_what_is_read_passes_the_domain_guard(string fixture, string formatName)
    {
        var format = MediaFormat.All.Single(f => f.Name == formatName);
        var original = Fixture(fixture);
        var random = new Random(12);
        var iterations = format == MediaFormat.Mp4 ? 3000 : 300;

        for (var i = 0; i < iterations; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = random.Next(1, 8); flips > 0; flips--)
            {
                // Sizes and counts are where a reader goes wrong: damage them as often as anything.
                var at = random.Next(format == MediaFormat.Mp4 ? 0 : 4, bytes.Length);
                bytes[at] = random.Next(3) switch { 0 => 0xFF, 1 => 0x00, _ => (byte)random.Next(256) };
            }

            var cut = random.Next(2) == 0 ? bytes : bytes[..random.Next(bytes.Length)];
            var result = Inspect(format, cut, random.Next(2) == 0 ? HeadersOnly : Decoding, random.Next(1, 9000));

            Assert.DoesNotThrow(() => result.Metadata.Checked(), $"iteration {i}");
        }
    }

    [Test]
    public void A_pixel_flood_is_reported_from_the_header_and_not_decoded_even_when_decoding_is_asked()
    {
        var result = Inspect(MediaFormat.Png, Fixture("flood.png"), Decoding, 64);

        // Decoding 10^10 pixels would take minutes and tens of gigabytes; the answer is immediate.
        Assert.That(result.DeclaredPixels, Is.EqualTo(100_000L * 100_000));
        Assert.That(result.Undecodable, Is.Null);
    }

    [TestCase("flood.png", "PNG", 24)]
    [TestCase("flood.jpg", "JPEG", 0)]
    [TestCase("photo-gps.jpg", "JPEG", 0)]
    [TestCase("photo-gps.png", "PNG", 24)]
    public void The_declared_pixels_are_known_once_the_header_has_arrived_and_agree_with_libvips(string fixture, string formatName, int headerEnd)
    {
        var format = MediaFormat.All.Single(f => f.Name == formatName);
        var bytes = Fixture(fixture);
        if (headerEnd == 0)
        {
            headerEnd = JpegFrameHeaderEnd(bytes);
        }

        using var inspection = _inspector.Begin(format, HeadersOnly);
        var knownAt = -1;
        for (var at = 0; at < bytes.Length; at++)
        {
            inspection.Append(bytes.AsSpan(at, 1));
            if (inspection.DeclaredPixels is not null)
            {
                knownAt = at + 1;
                break;
            }
        }

        var early = inspection.DeclaredPixels;
        inspection.Append(bytes.AsSpan(knownAt));
        var result = inspection.Finish();
        Assert.That(knownAt, Is.EqualTo(headerEnd), "known with the header's last needed byte, not later");
        Assert.That(early, Is.EqualTo(result.DeclaredPixels), "the same count libvips reads");
    }

    [Test]
    public void An_image_whose_headers_run_past_the_kept_bytes_is_unknown_not_an_error()
    {
        // A JPEG with a megabyte of comment segments before its frame header.
        var photo = Fixture("photo-gps.jpg");
        var padded = new List<byte>(photo[..2]);
        for (var i = 0; i < 20; i++)
        {
            padded.AddRange([0xFF, 0xFE, 0xFF, 0xFF]);
            padded.AddRange(new byte[0xFFFD]);
        }

        padded.AddRange(photo[2..]);
        var result = Inspect(MediaFormat.Jpeg, padded.ToArray(), HeadersOnly, 65536);

        Assert.That(result.Metadata, Is.EqualTo(MediaMetadata.Unknown));
        Assert.That(result.Undecodable, Is.Not.Null);
    }

    private MediaInspectionResult Inspect(MediaFormat format, byte[] bytes, MediaInspectionLimits limits, int chunk)
    {
        using var inspection = _inspector.Begin(format, limits);
        for (var at = 0; at < bytes.Length; at += chunk)
        {
            inspection.Append(bytes.AsSpan(at, Math.Min(chunk, bytes.Length - at)));
        }

        return inspection.Finish();
    }

    /// <summary>Where a JPEG's frame header has given its height and width (SOF marker + 9 bytes).</summary>
    private static int JpegFrameHeaderEnd(byte[] bytes)
    {
        var at = 2;
        while (bytes[at + 1] is not (0xC0 or 0xC1 or 0xC2))
        {
            at += 2 + System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 2));
        }

        return at + 9;
    }

    private static int MoovEnd(byte[] bytes)
    {
        var at = 0;
        while (at + 8 <= bytes.Length)
        {
            var size = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
            if (bytes.AsSpan(at + 4, 4).SequenceEqual("moov"u8))
            {
                return at + size;
            }

            at += size;
        }

        throw new InvalidOperationException("no moov box");
    }
}
