using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media.Commands.UploadMedia;

/// <summary>
/// Builds the file from what the earlier steps established (the domain's guards run here, and
/// refuse a description sent after the file that is too long), makes the stored bytes visible,
/// and inserts the row. A row that cannot be inserted takes its committed bytes with it.
/// With an idempotency key, the key is inserted with the row; a key that already made a file for
/// the same request replays that file instead, and these bytes are never made visible (nor
/// counted against the quota). The quota is checked twice: against the usage read when the upload began, so that a file that
/// plainly does not fit is refused before its bytes become visible, and by the insert itself, which
/// the unit of work makes conditional on the user's usage in the same transaction (concurrent
/// uploads that would pass the quota together cannot both be recorded).
/// </summary>
public sealed class RecordMediaFileStep(
    IMediaFileRepository mediaFiles,
    IUploadIdempotencyKeyRepository idempotencyKeys,
    UploadReplays replays,
    IUnitOfWork unitOfWork,
    StoredFileRemover storedFiles,
    IStorageQuota quota,
    TimeProvider clock) : IUploadStep
{
    public UploadStage Stage => UploadStage.Record;

    public async ValueTask RunAsync(UploadContext upload, CancellationToken cancellationToken)
    {
        if (upload is not { DetectedFormat: { } format, StoredContent: { } stored, Sha256: { } sha256 })
        {
            throw new InvalidOperationException("The upload reached the record step without checked, stored content.");
        }

        var key = upload.IdempotencyKey;
        var requestHash = key is null ? string.Empty : UploadReplays.RequestHashOf(upload, sha256);
        if (key is not null && await replays.TryReplayAsync(upload, key, requestHash, cancellationToken))
        {
            return;
        }

        if (upload.UsedBytesAtStart + upload.Length > quota.BytesPerUser)
        {
            throw new QuotaExceededException(quota.BytesPerUser, upload.UsedBytesAtStart, upload.Length);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var file = MediaFile.Create(
            upload.UserId,
            upload.PersonaId,
            upload.StoredName,
            OriginalFileName.Sanitize(upload.ClientFileName, format),
            format,
            upload.Length,
            sha256,
            upload.Description,
            now,
            upload.Metadata,
            upload.MetadataRemoved);

        await stored.CommitAsync(format.ContentType, sha256, cancellationToken);
        try
        {
            mediaFiles.Add(file);
            if (key is not null)
            {
                idempotencyKeys.Add(UploadIdempotencyKey.For(upload.UserId, key, requestHash, file, now));
            }

            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            // The row was not recorded, so the committed bytes must not stay.
            await storedFiles.DeleteUnrecordedAsync(upload.StorageKey);

            // A retry that overtook this request recorded the key first: this one is the repeat.
            if (ex is UniqueConstraintException && key is not null
                && await replays.TryReplayAsync(upload, key, requestHash, CancellationToken.None))
            {
                return;
            }

            throw;
        }

        upload.File = file;
    }
}
