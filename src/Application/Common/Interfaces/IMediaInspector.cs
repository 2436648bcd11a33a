using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>
/// Reads what a file's own headers say about it (size, duration, codec) while its bytes stream
/// past, without a second read of the file: the inspection is handed each chunk in order and keeps
/// only what it needs, within a bound. Implemented with libvips for images and a bounded box
/// reader for MP4.
/// </summary>
public interface IMediaInspector
{
    /// <summary>Starts inspecting one file whose signature says it is <paramref name="format"/>.</summary>
    IMediaInspection Begin(MediaFormat format, MediaInspectionLimits limits);
}

/// <param name="MaxPixels">An image whose header declares more pixels is reported, never decoded.</param>
/// <param name="Decode">
/// Whether to decode the whole file, not only its headers: <see cref="MediaInspectionResult.Undecodable"/>
/// then also reports a file whose headers read but whose content does not (a truncated image). An
/// image is kept whole in memory for it (at most the upload limit).
/// </param>
public sealed record MediaInspectionLimits(long MaxPixels, bool Decode);

/// <summary>One file's inspection; see <see cref="IMediaInspector"/>. Never throws for what the bytes hold.</summary>
public interface IMediaInspection : IDisposable
{
    /// <summary>
    /// An image's width times height as its header declares them, known as soon as the header has
    /// arrived (before the rest of the file), so a pixel flood can be refused without reading on;
    /// null until then, for videos, and when the header cannot be followed.
    /// </summary>
    long? DeclaredPixels { get; }

    /// <summary>The next bytes of the file, in order.</summary>
    void Append(ReadOnlySpan<byte> bytes);

    /// <summary>The file has ended: what its headers said.</summary>
    MediaInspectionResult Finish();
}

/// <param name="Metadata">What was read; <see cref="MediaMetadata.Unknown"/> when nothing could be.</param>
/// <param name="DeclaredPixels">An image's width times height as its header declares them; null when not read (and for videos).</param>
/// <param name="Undecodable">Why the file could not be read (or, when asked, decoded); null when it could.</param>
public sealed record MediaInspectionResult(MediaMetadata Metadata, long? DeclaredPixels, string? Undecodable);
