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
public sealed record SignedMediaContent(MediaFileDto File, Stream Content, MediaDisposition Disposition, TimeSpan Remaining);

public sealed class GetSignedMediaQueryHandler(
    IMediaUrlSigner signer,
    IMediaFileRepository mediaFiles,
    IFileStore store,
    TimeProvider clock,
    ILogger<GetSignedMediaQueryHandler> logger) : IQueryHandler<GetSignedMediaQuery, SignedMediaContent>
{
    public async ValueTask<SignedMediaContent> Handle(GetSignedMediaQuery query, CancellationToken cancellationToken)
    {
        // Every refusal is the same 404: whoever holds a bad token learns nothing of which check failed.
        var grant = signer.Read(query.Token);
        var now = clock.GetUtcNow();
        if (grant is null || grant.ExpiresAt <= now || grant.Variant != MediaVariant.Original)
        {
            throw NotFoundException.MediaFile();
        }

        // The row is read on every request, so a deleted file stops loading at once, live URL or not.
        var file = await mediaFiles.FindDtoAsync(grant.FileId, cancellationToken) ?? throw NotFoundException.MediaFile();
        var content = await StoredMedia.OpenAsync(store, mediaFiles, file, logger, cancellationToken);
        return new SignedMediaContent(file, content, MediaDelivery.For(file.MimeType, grant.Disposition), grant.ExpiresAt - now);
    }
}
