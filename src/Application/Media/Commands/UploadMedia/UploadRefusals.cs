namespace PersonaMedia.Application.Media.Commands.UploadMedia;

/// <summary>
/// The names of the rules an upload can be refused by, as error codes of its validation errors and as
/// the <c>reason</c> of the upload metrics. A closed set, so a metric's labels stay bounded.
/// </summary>
public static class UploadRefusals
{
    public const string Extension = "extension";
    public const string ContentType = "content_type";
    public const string Description = "description";
    public const string Empty = "empty";
    public const string Signature = "signature";
    public const string MissingFile = "missing_file";
    public const string ExtraFile = "extra_file";
    public const string Malformed = "malformed";
    public const string TooLarge = "too_large";
    public const string IdempotencyKey = "idempotency_key";
    public const string IdempotencyKeyReused = "idempotency_key_reused";

    /// <summary>The image's header declares more than <c>Media:MaxPixels</c>.</summary>
    public const string PixelFlood = "pixel_flood";

    /// <summary>The file does not decode and <c>Media:RequireDecodable</c> is on.</summary>
    public const string Undecodable = "undecodable";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Extension, ContentType, Description, Empty, Signature, MissingFile, ExtraFile, Malformed, TooLarge,
        IdempotencyKey, IdempotencyKeyReused, PixelFlood, Undecodable,
    };
}
