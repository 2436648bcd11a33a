using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media.Queries.GetMediaFileUrl;

namespace PersonaMedia.Application.Media.Delivery;

/// <summary>
/// Makes signed URLs of files the caller has already been shown to own: no query of its own, so a
/// page of files gets its URLs without one query per file.
/// </summary>
public sealed class MediaUrls(IMediaUrlSigner signer, IServiceAddress address, TimeProvider clock)
{
    /// <summary>The path under which <c>/media/{token}</c> serves signed URLs.</summary>
    public const string PathPrefix = "media/";

    /// <summary>The <c>include</c> value that adds <c>download_url</c> to files in list and info answers.</summary>
    public const string IncludeUrls = "urls";

    /// <summary>The files, each with its <c>download_url</c> (inline, default lifetime), signed in memory.</summary>
    public IReadOnlyList<MediaFileDto> WithDownloadUrls(IReadOnlyList<MediaFileDto> files) =>
        [.. files.Select(WithDownloadUrl)];

    /// <summary>The file with <c>download_url</c>, and a <c>url</c> (WebP, inline) on each of its thumbnails.</summary>
    public MediaFileDto WithDownloadUrl(MediaFileDto file) => file with
    {
        DownloadUrl = For(file.Id, MediaDisposition.Inline).Url,
        ThumbnailUrls = file.Thumbnails.Count == 0
            ? null
            : file.Thumbnails.Keys.ToDictionary(
                size => size,
                size => For(file.Id, MediaDisposition.Inline, null, MediaVariants.Thumbnail(int.Parse(size, System.Globalization.CultureInfo.InvariantCulture), ThumbnailFormat.Webp)).Url),
    };

    /// <param name="lifetime">Null for the configured default; the validators keep it within the maximum.</param>
    public MediaFileUrlDto For(int fileId, MediaDisposition disposition, TimeSpan? lifetime = null, MediaVariant variant = MediaVariant.Original)
    {
        // Whole seconds: the expiry is carried, compared and shown in seconds.
        var now = clock.GetUtcNow();
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()) + (lifetime ?? signer.DefaultLifetime);
        var token = signer.Sign(new MediaUrlGrant(fileId, variant, disposition, expiresAt));
        return new MediaFileUrlDto(address.Resolve(PathPrefix + token).AbsoluteUri, expiresAt.UtcDateTime);
    }
}
