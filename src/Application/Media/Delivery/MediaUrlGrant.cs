namespace PersonaMedia.Application.Media.Delivery;

/// <summary>
/// What a signed media URL allows: one file, one variant of it, one disposition, until one moment.
/// The token carries these and their MAC, nothing else (never the storage key).
/// </summary>
public sealed record MediaUrlGrant(int FileId, MediaVariant Variant, MediaDisposition Disposition, DateTimeOffset ExpiresAt);

/// <summary>Which bytes of a file a URL serves: the original, or one thumbnail preset in one format.</summary>
public enum MediaVariant : byte
{
    Original = 0,
    Thumbnail160 = 1,
    Thumbnail640 = 2,
    Thumbnail160Jpeg = 3,
    Thumbnail640Jpeg = 4,
}

/// <summary>The thumbnail variants, to and from their preset and format.</summary>
public static class MediaVariants
{
    public static MediaVariant Thumbnail(int size, ThumbnailFormat format) => (size, format) switch
    {
        (160, ThumbnailFormat.Webp) => MediaVariant.Thumbnail160,
        (640, ThumbnailFormat.Webp) => MediaVariant.Thumbnail640,
        (160, ThumbnailFormat.Jpeg) => MediaVariant.Thumbnail160Jpeg,
        (640, ThumbnailFormat.Jpeg) => MediaVariant.Thumbnail640Jpeg,
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Not a thumbnail preset."),
    };

    /// <summary>The preset and format of a thumbnail variant; false for the original (and any unknown value).</summary>
    public static bool IsThumbnail(MediaVariant variant, out int size, out ThumbnailFormat format)
    {
        (var known, size, format) = variant switch
        {
            MediaVariant.Thumbnail160 => (true, 160, ThumbnailFormat.Webp),
            MediaVariant.Thumbnail640 => (true, 640, ThumbnailFormat.Webp),
            MediaVariant.Thumbnail160Jpeg => (true, 160, ThumbnailFormat.Jpeg),
            MediaVariant.Thumbnail640Jpeg => (true, 640, ThumbnailFormat.Jpeg),
            _ => (false, 0, ThumbnailFormat.Webp),
        };
        return known;
    }
}

/// <summary>How a browser is told to treat the bytes.</summary>
public enum MediaDisposition : byte
{
    Inline = 0,
    Attachment = 1,
}

/// <summary>The delivery rules both signed paths share.</summary>
public static class MediaDelivery
{
    /// <summary>
    /// The only types a browser may show in place: image and video formats it renders itself,
    /// none that can run script. Anything else is delivered as an attachment.
    /// </summary>
    public static readonly IReadOnlySet<string> InlineTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "image/jpeg", "image/png", "video/mp4", "image/webp",
    };

    public static MediaDisposition For(string mimeType, MediaDisposition requested) =>
        requested == MediaDisposition.Inline && InlineTypes.Contains(mimeType) ? MediaDisposition.Inline : MediaDisposition.Attachment;
}
