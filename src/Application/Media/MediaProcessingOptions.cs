namespace PersonaMedia.Application.Media;

/// <summary>
/// The processing settings of the <c>Media</c> section: how far an upload's content is trusted.
/// Bound and checked at start by Infrastructure; the upload steps read them.
/// </summary>
public sealed class MediaProcessingOptions
{
    public const string SectionName = "Media";

    public const long DefaultMaxPixels = 50_000_000;
    public const int DefaultThumbnailTimeoutSeconds = 30;
    public const int MaxThumbnailConcurrency = 256;

    /// <summary>Far beyond any camera (a 10 MiB file of that many pixels is a bomb), and still a product that fits a long.</summary>
    public const long MaxMaxPixels = 1L << 40;

    /// <summary>An image whose header declares more pixels (width times height) is refused with 400, before any pixel is decoded.</summary>
    public long MaxPixels { get; set; } = DefaultMaxPixels;

    /// <summary>
    /// Refuse (400) a file that passes the signature rules but does not decode. Off by default: the
    /// original service's own client suite uploads a JFIF header followed by zeros.
    /// </summary>
    public bool RequireDecodable { get; set; }

    /// <summary>
    /// Keep the bytes as uploaded, metadata included (GPS positions, camera serials, times), for
    /// operators who must keep originals. Off by default: metadata is stripped before storing.
    /// </summary>
    public bool KeepMetadata { get; set; }

    /// <summary>How many thumbnails are made at once (each holds its original in memory, at most 10 MiB); the rest wait.</summary>
    public int ThumbnailConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>How long a request waits for its thumbnail to be made before it answers that there is none.</summary>
    public int ThumbnailTimeoutSeconds { get; set; } = DefaultThumbnailTimeoutSeconds;

    public IEnumerable<string> Problems()
    {
        if (MaxPixels is < 1 or > MaxMaxPixels)
        {
            yield return $"Media:MaxPixels {MaxPixels} must lie between 1 and {MaxMaxPixels}; set Media__MaxPixels (default {DefaultMaxPixels}).";
        }

        if (ThumbnailConcurrency is < 1 or > MaxThumbnailConcurrency)
        {
            yield return $"Media:ThumbnailConcurrency {ThumbnailConcurrency} must lie between 1 and {MaxThumbnailConcurrency}; "
                + "set Media__ThumbnailConcurrency (default the number of cores).";
        }

        if (ThumbnailTimeoutSeconds is < 1 or > 600)
        {
            yield return $"Media:ThumbnailTimeoutSeconds {ThumbnailTimeoutSeconds} must lie between 1 and 600; "
                + $"set Media__ThumbnailTimeoutSeconds (default {DefaultThumbnailTimeoutSeconds}).";
        }
    }
}
