using System.Security.Cryptography;
using System.Text;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media.Commands.UploadMedia;

/// <summary>
/// Answers a repeated <c>Idempotency-Key</c>: the same request again gets the file the first one
/// made; the same key with another request is refused (422). The key is the user's own: another
/// user's key of the same text is another key.
/// </summary>
public sealed class UploadReplays(IUploadIdempotencyKeyRepository keys, IMediaFileRepository files, TimeProvider clock)
{
    /// <summary>
    /// Sets <see cref="UploadContext.Replayed"/> and returns true when a live key of the user made
    /// a file for this same request; false when the key is new, expired (it is then freed) or its
    /// file is gone. Throws <see cref="UnprocessableRequestException"/> when it made another request's file.
    /// </summary>
    public async ValueTask<bool> TryReplayAsync(UploadContext upload, string key, string requestHash, CancellationToken cancellationToken)
    {
        var earlier = await keys.FindAsync(upload.UserId, key, cancellationToken);
        if (earlier is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!earlier.IsLiveAt(now))
        {
            await keys.RemoveIfExpiredAsync(upload.UserId, key, now, cancellationToken);
            return false;
        }

        // The hash names the request, it guards no secret: a plain comparison will do.
        if (!string.Equals(earlier.RequestHash, requestHash, StringComparison.Ordinal))
        {
            throw UnprocessableRequestException.IdempotencyKeyReused();
        }

        upload.Replayed = await files.FindOwnedDtoAsync(upload.UserId, earlier.MediaFileId, cancellationToken);
        return upload.Replayed is not null;
    }

    /// <summary>
    /// What makes two uploads the same request: the endpoint (persona and kind), the bytes, the
    /// client's file name and declared type, and the final description. Each value is length-prefixed,
    /// so no two different requests run together into the same text.
    /// </summary>
    public static string RequestHashOf(UploadContext upload, string sha256)
    {
        var text = new StringBuilder();
        foreach (var value in new[]
                 {
                     upload.PersonaId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     upload.MediaType.ToString(),
                     sha256,
                     upload.ClientFileName,
                     upload.DeclaredContentType,
                     upload.Description,
                 })
        {
            text.Append(value is null ? "-" : $"{value.Length}:{value}").Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
