namespace PersonaMedia.Application.Media.Delivery;

/// <summary>
/// What a signed media URL allows: one file, one variant of it, one disposition, until one moment.
/// The token carries these and their MAC, nothing else (never the storage key).
/// </summary>
public sealed record MediaUrlGrant(int FileId, MediaVariant Variant, MediaDisposition Disposition, DateTimeOffset ExpiresAt);

/// <summary>Which bytes of a file a URL serves. Thumbnails will join the original.</summary>
public enum MediaVariant : byte
{
    Original = 0,
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
        "image/jpeg", "image/png", "video/mp4",
    };

    public static MediaDisposition For(string mimeType, MediaDisposition requested) =>
        requested == MediaDisposition.Inline && InlineTypes.Contains(mimeType) ? MediaDisposition.Inline : MediaDisposition.Attachment;
}
