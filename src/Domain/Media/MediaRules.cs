namespace PersonaMedia.Domain.Media;

/// <summary>
/// The upload rules that are part of the contract, not settings: the size limit and, per media
/// type, the extensions and declared content types that are allowed and the formats they map to.
/// </summary>
public static class MediaRules
{
    /// <summary>10 MiB of file content; a file of exactly this size is accepted.</summary>
    public const long MaxFileSizeBytes = 10L * 1024 * 1024;

    public const int MaxFileSizeMegabytes = (int)(MaxFileSizeBytes / (1024 * 1024));
    public const int DescriptionMaxLength = 1000;
    public const int OriginalFilenameMaxLength = 255;

    /// <summary>The declared type that says nothing; treated as if no type had been given.</summary>
    public const string UnspecifiedContentType = "application/octet-stream";

    private static readonly Dictionary<string, MediaFormat> ImageExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = MediaFormat.Jpeg,
        [".jpeg"] = MediaFormat.Jpeg,
        [".png"] = MediaFormat.Png,
    };

    private static readonly Dictionary<string, MediaFormat> VideoExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".mp4"] = MediaFormat.Mp4,
    };

    private static readonly Dictionary<string, MediaFormat> ImageContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = MediaFormat.Jpeg,
        ["image/jpg"] = MediaFormat.Jpeg,
        ["image/png"] = MediaFormat.Png,
    };

    private static readonly Dictionary<string, MediaFormat> VideoContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["video/mp4"] = MediaFormat.Mp4,
    };

    public static IReadOnlyCollection<string> AllowedExtensions(MediaType mediaType) => Extensions(mediaType).Keys;

    public static IReadOnlyCollection<string> AllowedContentTypes(MediaType mediaType) => ContentTypes(mediaType).Keys;

    /// <summary>The format a file name's extension promises on this endpoint, or null when it is not allowed.</summary>
    public static MediaFormat? FormatForFileName(MediaType mediaType, string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty);
        return Extensions(mediaType).GetValueOrDefault(extension);
    }

    /// <summary>
    /// The format a declared content type promises, ignoring parameters such as <c>; charset=...</c>.
    /// <see cref="DeclaredType.None"/> when no type was declared or it is <see cref="UnspecifiedContentType"/>.
    /// </summary>
    public static DeclaredType Declared(MediaType mediaType, string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return DeclaredType.None;
        }

        var essence = MediaTypeEssence(contentType);
        if (essence.Equals(UnspecifiedContentType, StringComparison.OrdinalIgnoreCase))
        {
            return DeclaredType.None;
        }

        if (essence.Length == 0)
        {
            // Parameters without a type ("; charset=utf-8") were still declared, and name no allowed type.
            return new DeclaredType(contentType.Trim(), null);
        }

        return ContentTypes(mediaType).TryGetValue(essence, out var format)
            ? new DeclaredType(essence, format)
            : new DeclaredType(essence, null);
    }

    /// <summary>The <c>type/subtype</c> part of a content type, trimmed; empty when none was given.</summary>
    public static string MediaTypeEssence(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return string.Empty;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
    }

    private static Dictionary<string, MediaFormat> Extensions(MediaType mediaType) =>
        mediaType == MediaType.Video ? VideoExtensions : ImageExtensions;

    private static Dictionary<string, MediaFormat> ContentTypes(MediaType mediaType) =>
        mediaType == MediaType.Video ? VideoContentTypes : ImageContentTypes;
}

/// <summary>What the client declared as a part's content type.</summary>
/// <param name="Essence">The declared <c>type/subtype</c>, empty when nothing was declared.</param>
/// <param name="Format">The format it promises; null when nothing was declared or the type is not allowed.</param>
public readonly record struct DeclaredType(string Essence, MediaFormat? Format)
{
    public static readonly DeclaredType None = new(string.Empty, null);

    public bool IsGiven => Essence.Length > 0;

    public bool IsAllowed => !IsGiven || Format is not null;
}
