using PersonaMedia.Domain.Common;

namespace PersonaMedia.Domain.Media;

/// <summary>
/// What a file's own headers say about it: its displayed size (images and videos) and, for
/// videos, its length, the video track's codec (its sample entry's four-character code, such as
/// <c>avc1</c>, <c>hvc1</c>, <c>av01</c>) and whether it has a sound track. Each is null when the
/// file does not say, or could not be read.
/// </summary>
public sealed record MediaMetadata(int? Width, int? Height, double? DurationSeconds, string? VideoCodec, bool? HasAudio)
{
    /// <summary>A four-character code; only printable ASCII is kept.</summary>
    public const int VideoCodecMaxLength = 4;

    public static readonly MediaMetadata Unknown = new(null, null, null, null, null);

    /// <summary>The same facts, refused when they cannot be true of a file (the domain's guard).</summary>
    public MediaMetadata Checked()
    {
        if (Width is <= 0 || Height is <= 0 || (Width is null) != (Height is null))
        {
            throw new DomainException("Width and height are both positive, or both unknown.");
        }

        if (DurationSeconds is { } duration && (double.IsNaN(duration) || double.IsInfinity(duration) || duration < 0))
        {
            throw new DomainException("A duration is a finite number of seconds, at least zero.");
        }

        if (VideoCodec is { } codec && (codec.Length is 0 or > VideoCodecMaxLength || !codec.All(c => c is >= ' ' and <= '~')))
        {
            throw new DomainException($"A video codec is 1 to {VideoCodecMaxLength} printable ASCII characters.");
        }

        return this;
    }
}
