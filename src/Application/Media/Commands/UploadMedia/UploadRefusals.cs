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

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Extension, ContentType, Description, Empty, Signature, MissingFile, ExtraFile, Malformed, TooLarge,
    };
}
