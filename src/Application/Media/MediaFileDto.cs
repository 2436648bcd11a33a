using System.Text.Json.Serialization;
using PersonaMedia.Application.Common.Concurrency;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media;

/// <summary>
/// A media file as the API shows it; names are the original service's, in snake_case on the wire.
/// <c>width</c> to <c>has_audio</c> are what the file's headers say (see <see cref="MediaMetadata"/>),
/// null when unknown; they are always written, null included. <c>metadata_removed</c> names what
/// privacy stripping took out of the stored bytes (null for files stored before it existed).
/// </summary>
public sealed record MediaFileDto(
    int Id,
    string Filename,
    string OriginalFilename,
    long FileSize,
    string MimeType,
    MediaType MediaType,
    int PersonaId,
    int UserId,
    string? Description,
    string Sha256,
    int? Width,
    int? Height,
    double? DurationSeconds,
    string? VideoCodec,
    bool? HasAudio,
    IReadOnlyList<string>? MetadataRemoved,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IVersioned
{
    /// <summary>
    /// With <c>?include=urls</c>: a signed inline URL of the bytes with the default lifetime (see
    /// <see cref="Delivery.MediaUrls"/>); otherwise null, and left out of the JSON.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DownloadUrl { get; init; }

    /// <summary>Where the file's thumbnails stand; shown through <see cref="Thumbnails"/>' <c>ready</c>.</summary>
    [JsonIgnore]
    public ThumbnailState ThumbnailState { get; init; }

    /// <summary>
    /// The thumbnails that can be asked for (<c>GET /upload/files/{id}/thumbnail?size=</c>), keyed by
    /// preset, with their size and whether the background worker has stored them yet (one asked for
    /// before is made on demand): every image whose size could be read; none for videos, nor for an
    /// image whose pixels turned out not to decode.
    /// </summary>
    public IReadOnlyDictionary<string, ThumbnailDto> Thumbnails =>
        ThumbnailState is ThumbnailState.Pending or ThumbnailState.Ready && Width is { } width && Height is { } height
            ? ThumbnailUrls is { } urls
                ? ThumbnailPresets.For(width, height, ThumbnailState == ThumbnailState.Ready)
                    .ToDictionary(p => p.Key, p => p.Value with { Url = urls.GetValueOrDefault(p.Key) })
                : ThumbnailPresets.For(width, height, ThumbnailState == ThumbnailState.Ready)
            : NoThumbnails;

    /// <summary>With <c>?include=urls</c>: each thumbnail's signed URL, by preset (see <see cref="Delivery.MediaUrls"/>).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string>? ThumbnailUrls { get; init; }

    private static readonly IReadOnlyDictionary<string, ThumbnailDto> NoThumbnails = new Dictionary<string, ThumbnailDto>();
}
