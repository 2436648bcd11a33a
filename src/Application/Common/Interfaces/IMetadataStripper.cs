using System.Buffers;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>
/// Takes out of a file what it says about where, when and with what it was made (EXIF, XMP,
/// IPTC, comments, text chunks, MP4 location boxes) while its bytes stream, without touching
/// what it shows: pixels, colour profile, orientation, samples. A file whose structure cannot be
/// followed is passed on as it is from that point.
/// </summary>
public interface IMetadataStripper
{
    IMetadataStrip Begin(MediaFormat format);
}

/// <summary>One file's stripping; see <see cref="IMetadataStripper"/>.</summary>
public interface IMetadataStrip : IDisposable
{
    /// <summary>
    /// The next bytes of the file: what is kept is written to <paramref name="output"/>, possibly
    /// later (a box that must be seen whole first is held back, within the upload limit).
    /// </summary>
    void Write(ReadOnlySpan<byte> input, IBufferWriter<byte> output);

    /// <summary>The file has ended: whatever was held back is written.</summary>
    void Complete(IBufferWriter<byte> output);

    /// <summary>What was taken out, by name (<c>EXIF</c>, <c>XMP</c>, <c>tEXt</c>, <c>©xyz</c>, ...), each once, in the order met.</summary>
    IReadOnlyList<string> Removed { get; }
}
