using System.Buffers.Binary;
using System.Text;

namespace PersonaMedia.Domain.Media;

/// <summary>What a file's first bytes say it is.</summary>
/// <param name="Format">The recognised format.</param>
/// <param name="MinimumLength">
/// The length the whole file must reach for the signature to be honest: an MP4's <c>ftyp</c> box
/// declares its own size, which cannot exceed the file. Checked once the file's end is known.
/// </param>
public readonly record struct DetectedContent(MediaFormat Format, long MinimumLength);

/// <summary>
/// Recognises JPEG, PNG and ISO-BMFF MP4 from a file's leading bytes, never from its name or a
/// declared type. Pure and allocation-free, so it can run on the first chunk of an upload stream.
/// </summary>
public static class ContentSignature
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs to see to decide.</summary>
    public const int HeaderLength = 12;

    /// <summary>An ISO-BMFF box header (size and type) plus the major brand.</summary>
    private const int MinimumFtypBoxSize = 16;

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> FtypBoxType => "ftyp"u8;

    /// <summary>
    /// Major brands of ISO base media files that are MPEG-4 video: the ISO family, MP4 v1/v2,
    /// AVC, Apple's M4V variants and MPEG-DASH segments. QuickTime (<c>qt  </c>), 3GPP and
    /// audio-only brands (<c>M4A </c>) are other formats and are refused.
    /// </summary>
    private static readonly string[] Mp4Brands =
    [
        "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9",
        "mp41", "mp42", "mp71", "avc1", "M4V ", "M4VH", "M4VP", "dash", "MSNV",
    ];

    /// <summary>The same brands as big-endian integers, so a brand is one comparison, not four.</summary>
    private static readonly uint[] Mp4BrandCodes = Array.ConvertAll(
        Mp4Brands, brand => BinaryPrimitives.ReadUInt32BigEndian(Encoding.ASCII.GetBytes(brand)));

    public static IReadOnlyList<string> AcceptedMp4Brands => Mp4Brands;

    /// <summary>
    /// Recognises the format from the file's first bytes; pass at least <see cref="HeaderLength"/>
    /// bytes unless the file is shorter. Null when the bytes are none of the accepted formats.
    /// </summary>
    public static DetectedContent? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PngMagic))
        {
            return new DetectedContent(MediaFormat.Png, PngMagic.Length);
        }

        if (head.StartsWith(JpegMagic))
        {
            return new DetectedContent(MediaFormat.Jpeg, JpegMagic.Length);
        }

        return DetectMp4(head);
    }

    private static DetectedContent? DetectMp4(ReadOnlySpan<byte> head)
    {
        if (head.Length < HeaderLength || !head.Slice(4, 4).SequenceEqual(FtypBoxType))
        {
            return null;
        }

        var boxSize = BinaryPrimitives.ReadUInt32BigEndian(head);
        var majorBrand = BinaryPrimitives.ReadUInt32BigEndian(head[8..]);
        if (boxSize < MinimumFtypBoxSize || !Mp4BrandCodes.AsSpan().Contains(majorBrand))
        {
            return null;
        }

        return new DetectedContent(MediaFormat.Mp4, boxSize);
    }
}
