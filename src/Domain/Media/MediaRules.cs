namespace PersonaMedia.Domain.Media;

/// <summary>
/// The upload rules that are part of the contract, not settings: the size limit and, per kind of
/// media, which file-name extensions and declared content types are allowed, read from
/// <see cref="MediaFormat"/>'s table.
/// </summary>
public static class MediaRules
{
    /// <summary>10 MiB of file content; a file of exactly this size is accepted.</summary>
    public const long MaxFileSizeBytes = 10L * 1024 * 1024;

    public const int MaxFileSizeMegabytes = (int)(MaxFileSizeBytes / (1024 * 1024));
    public const int DescriptionMaxLength = 1000;
    public const int OriginalFilenameMaxLength = 255;

    public static IEnumerable<string> AllowedExtensions(MediaType mediaType) =>
        MediaFormat.Of(mediaType).SelectMany(f => f.AcceptedExtensions);

    public static IEnumerable<string> AllowedContentTypes(MediaType mediaType) =>
        MediaFormat.Of(mediaType).SelectMany(f => f.AcceptedContentTypes);

    /// <summary>The format a file name's extension promises for this kind of media, or null when it is not allowed.</summary>
    public static MediaFormat? FormatForFileName(MediaType mediaType, string? fileName)
    {
        var extension = Path.GetExtension(fileName.AsSpan());
        foreach (var format in MediaFormat.Of(mediaType))
        {
            foreach (var accepted in format.AcceptedExtensions)
            {
                if (extension.Equals(accepted, StringComparison.OrdinalIgnoreCase))
                {
                    return format;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The format a declared content type (its <c>type/subtype</c> alone) promises for this kind of
    /// media, or null when it is not one of the allowed ones.
    /// </summary>
    public static MediaFormat? FormatForContentType(MediaType mediaType, string contentType)
    {
        foreach (var format in MediaFormat.Of(mediaType))
        {
            foreach (var accepted in format.AcceptedContentTypes)
            {
                if (contentType.Equals(accepted, StringComparison.OrdinalIgnoreCase))
                {
                    return format;
                }
            }
        }

        return null;
    }
}
