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
    public const int DefaultThumbnailQueueLength = 1000;
    public const int DefaultThumbnailSweepSeconds = 60;

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

    /// <summary>
    /// The time limit of one thumbnail job, in seconds (fractions allowed): libvips is stopped after it (a request waiting for it answers
    /// 404; the background worker marks the file's thumbnails failed).
    /// </summary>
    public double ThumbnailTimeoutSeconds { get; set; } = DefaultThumbnailTimeoutSeconds;

    /// <summary>Make every image's thumbnails after its upload has answered, in the background. Off: each is made when first asked for.</summary>
    public bool BackgroundThumbnails { get; set; } = true;

    /// <summary>How many files may wait in the worker's queue; past that, new uploads wait in the database for the next sweep.</summary>
    public int ThumbnailQueueLength { get; set; } = DefaultThumbnailQueueLength;

    /// <summary>How often the worker looks in the database for files still waiting (at start, after a restart, after a fault).</summary>
    public int ThumbnailSweepSeconds { get; set; } = DefaultThumbnailSweepSeconds;

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

        if (ThumbnailQueueLength is < 1 or > 1_000_000)
        {
            yield return $"Media:ThumbnailQueueLength {ThumbnailQueueLength} must lie between 1 and 1000000; "
                + $"set Media__ThumbnailQueueLength (default {DefaultThumbnailQueueLength}).";
        }

        if (ThumbnailSweepSeconds is < 1 or > 86_400)
        {
            yield return $"Media:ThumbnailSweepSeconds {ThumbnailSweepSeconds} must lie between 1 and 86400; "
                + $"set Media__ThumbnailSweepSeconds (default {DefaultThumbnailSweepSeconds}).";
        }

        if (!(ThumbnailTimeoutSeconds is >= 0.01 and <= 600))
        {
            yield return $"Media:ThumbnailTimeoutSeconds {ThumbnailTimeoutSeconds} must lie between 0.01 and 600 (seconds, fractions allowed); "
                + $"set Media__ThumbnailTimeoutSeconds (default {DefaultThumbnailTimeoutSeconds}).";
        }
    }
}
