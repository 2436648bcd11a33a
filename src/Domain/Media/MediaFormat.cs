namespace PersonaMedia.Domain.Media;

/// <summary>
/// A content format the service stores, as recognised from the file's own bytes: the one table
/// of what each format is called, which kind of media it is, the content type it is stored and
/// served with, the extension of its stored name, and the file-name extensions and content types
/// a client may use for it.
/// </summary>
/// <param name="Extension">The extension of the stored name, with its dot.</param>
/// <param name="AcceptedExtensions">Client file-name extensions that promise this format (compared without case).</param>
/// <param name="AcceptedContentTypes">Declared content types that promise this format (compared without case).</param>
public sealed record MediaFormat(
    string Name,
    MediaType MediaType,
    string ContentType,
    string Extension,
    IReadOnlyList<string> AcceptedExtensions,
    IReadOnlyList<string> AcceptedContentTypes)
{
    public static readonly MediaFormat Jpeg = new(
        "JPEG", MediaType.Image, "image/jpeg", ".jpg", [".jpg", ".jpeg"], ["image/jpeg", "image/jpg"]);

    public static readonly MediaFormat Png = new(
        "PNG", MediaType.Image, "image/png", ".png", [".png"], ["image/png"]);

    public static readonly MediaFormat Mp4 = new(
        "MP4", MediaType.Video, "video/mp4", ".mp4", [".mp4"], ["video/mp4"]);

    public static IReadOnlyList<MediaFormat> All { get; } = [Jpeg, Png, Mp4];

    /// <summary>The formats of one kind of media, in table order.</summary>
    public static IReadOnlyList<MediaFormat> Of(MediaType mediaType) => mediaType == MediaType.Video ? Videos : Images;

    private static readonly MediaFormat[] Images = [Jpeg, Png];
    private static readonly MediaFormat[] Videos = [Mp4];
}
