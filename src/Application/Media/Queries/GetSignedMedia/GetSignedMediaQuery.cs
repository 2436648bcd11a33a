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

public sealed partial class GetSignedMediaQueryHandler(
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
        var key = MediaStorageKeys.For(file.UserId, file.PersonaId, file.Filename);
        var content = await store.OpenReadAsync(key, cancellationToken);
        if (content is null)
        {
            LogMissingBytes(logger, file.Id, key);
            throw NotFoundException.MediaFile();
        }

        return new SignedMediaContent(file, content, MediaDelivery.For(file.MimeType, grant.Disposition), grant.ExpiresAt - now);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Media file {FileId} has a row but no stored bytes at {Key}")]
    private static partial void LogMissingBytes(ILogger logger, int fileId, string key);
}
