using Mediator;
using Microsoft.Extensions.Logging;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media.Delivery;

namespace PersonaMedia.Application.Media.Queries.GetSignedMedia;

/// <summary>The bytes a signed URL grants, for anyone who holds the URL (no bearer token).</summary>
public sealed record GetSignedMediaQuery(string Token) : IQuery<SignedMediaContent>;

/// <param name="Disposition">What the grant asked for, narrowed to attachment for a type no browser should show in place.</param>
/// <param name="Remaining">How long the URL still works: as long as a browser may keep the bytes.</param>
/// <param name="ContentType">The original's stored type, or the thumbnail's.</param>
/// <param name="ETag">The quoted entity tag of these bytes (the original's SHA-256; a thumbnail's as its bearer route gives it).</param>
/// <param name="FileName">The name a browser is offered: the original's, or it with the thumbnail's preset and extension.</param>
public sealed record SignedMediaContent(
    MediaFileDto File, Stream Content, MediaDisposition Disposition, TimeSpan Remaining, string ContentType, string ETag, string FileName);

/// <summary>
/// Serves what a signed URL grants: the original's bytes, or a thumbnail (stored, or made now under the
/// thumbnail bound, as for a bearer request). Thumbnails are signed like originals (issue 12 joins issue 11).
/// </summary>
public sealed class GetSignedMediaQueryHandler(
    IMediaUrlSigner signer,
    IMediaFileRepository mediaFiles,
    IFileStore store,
    Thumbnails.ThumbnailGeneration thumbnails,
    TimeProvider clock,
    ILogger<GetSignedMediaQueryHandler> logger) : IQueryHandler<GetSignedMediaQuery, SignedMediaContent>
{
    public async ValueTask<SignedMediaContent> Handle(GetSignedMediaQuery query, CancellationToken cancellationToken)
    {
        // Every refusal is the same 404: whoever holds a bad token learns nothing of which check failed.
        var grant = signer.Read(query.Token);
        var now = clock.GetUtcNow();
        var thumbnail = MediaVariants.IsThumbnail(grant?.Variant ?? MediaVariant.Original, out var size, out var format);
        if (grant is null || grant.ExpiresAt <= now || (grant.Variant != MediaVariant.Original && !thumbnail))
        {
            throw NotFoundException.MediaFile();
        }

        // The row is read on every request, so a deleted file stops loading at once, live URL or not.
        var file = await mediaFiles.FindDtoAsync(grant.FileId, cancellationToken) ?? throw NotFoundException.MediaFile();
        if (!thumbnail)
        {
            var content = await StoredMedia.OpenAsync(store, mediaFiles, file, logger, cancellationToken);
            return new SignedMediaContent(
                file, content, MediaDelivery.For(file.MimeType, grant.Disposition), grant.ExpiresAt - now,
                file.MimeType, $"\"{file.Sha256}\"", file.OriginalFilename);
        }

        var contentType = ThumbnailPresets.ContentTypeOf(format);
        var sizeName = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var made = file.Thumbnails.TryGetValue(sizeName, out var dimensions)
            ? await thumbnails.OpenOrMakeAsync(file, size, format, dimensions, cancellationToken)
            : null;
        return new SignedMediaContent(
            file, made ?? throw NotFoundException.MediaFile(), MediaDelivery.For(contentType, grant.Disposition), grant.ExpiresAt - now,
            contentType, ThumbnailPresets.ETagOf(file.Sha256, size, format),
            $"{Path.GetFileNameWithoutExtension(file.OriginalFilename)}.thumb-{sizeName}{(format == ThumbnailFormat.Jpeg ? ".jpg" : ".webp")}");
    }
}
