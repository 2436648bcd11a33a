namespace PersonaMedia.Domain.Media;

/// <summary>A content format the service stores, as recognised from the file's own bytes.</summary>
public sealed record MediaFormat(string Name, MediaType MediaType, string MimeType, string Extension)
{
    public static readonly MediaFormat Jpeg = new("JPEG", MediaType.Image, "image/jpeg", ".jpg");
    public static readonly MediaFormat Png = new("PNG", MediaType.Image, "image/png", ".png");
    public static readonly MediaFormat Mp4 = new("MP4", MediaType.Video, "video/mp4", ".mp4");

    public static IReadOnlyList<MediaFormat> All { get; } = [Jpeg, Png, Mp4];

    public static MediaFormat? FromMimeType(string mimeType) =>
        All.FirstOrDefault(f => string.Equals(f.MimeType, mimeType, StringComparison.OrdinalIgnoreCase));
}
