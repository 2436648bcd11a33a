using Mediator;
using Microsoft.Extensions.Logging;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media.Commands.UploadMedia;

/// <summary>
/// One upload, as the HTTP edge hands it over once the file's own headers have arrived: plain
/// values, the file's bytes as they stream in, and the step that finishes reading the request.
/// </summary>
/// <param name="MediaType">The endpoint's kind of media: images or videos.</param>
/// <param name="FileName">The client's file name, as sent; for display and the extension check only.</param>
/// <param name="ContentType">The declared content type reduced to its <c>type/subtype</c>; null when none was declared.</param>
/// <param name="Description">The description sent before the file, if any.</param>
/// <param name="Content">The file's bytes, read once, as they arrive.</param>
/// <param name="Complete">
/// Called once the content has been read to its end: reads the rest of the request and yields
/// the final description (one sent after the file wins), or fails when the rest breaks the protocol.
/// </param>
public sealed record UploadMediaCommand(
    int PersonaId,
    MediaType MediaType,
    string? FileName,
    string? ContentType,
    string? Description,
    Stream Content,
    UploadCompletion Complete) : ICommand<MediaFileDto>
{
    /// <summary>The form field that carries the file; upload errors about the file are keyed by it.</summary>
    public const string FileField = "file";

    public const string DescriptionField = MediaFile.DescriptionField;
}

/// <summary>Finishes reading an upload's request after its file; yields the final description.</summary>
public delegate ValueTask<string?> UploadCompletion(CancellationToken cancellationToken);

/// <summary>
/// Receives an upload: the persona must be the caller's, then the upload runs through the
/// <see cref="UploadPipeline"/>'s steps (check the bytes, store them, record the file). The rules
/// decidable before the bytes were checked by <see cref="UploadMediaCommandValidator"/> already.
/// </summary>
public sealed partial class UploadMediaCommandHandler(
    IPersonaRepository personas,
    ICurrentUser currentUser,
    IStorageQuota quota,
    UploadPipeline pipeline,
    ILogger<UploadMediaCommandHandler> logger) : ICommandHandler<UploadMediaCommand, MediaFileDto>
{
    public async ValueTask<MediaFileDto> Handle(UploadMediaCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id;
        if (!await personas.ExistsOwnedAsync(userId, command.PersonaId, cancellationToken))
        {
            throw NotFoundException.Persona();
        }

        // A user whose quota is already used up is refused before a byte of the body is read. Whether a
        // file fits is decided once its size is known, by the insert itself (RecordMediaFileStep).
        var used = await quota.GetUsedBytesAsync(userId, cancellationToken);
        if (used >= quota.BytesPerUser)
        {
            throw new QuotaExceededException(quota.BytesPerUser, used, requestedBytes: 1);
        }

        await using var upload = new UploadContext(userId, command) { UsedBytesAtStart = used };
        try
        {
            await pipeline.RunAsync(upload, cancellationToken);
        }
        catch (Exception ex) when (ex is not (ValidationException or PayloadTooLargeException or QuotaExceededException or OperationCanceledException))
        {
            // The persona may have been deleted while the body streamed: its folder went from under
            // the store, or the row's foreign key refused the insert. Then the upload has nothing to
            // belong to, which the client hears as the 404 it would get a moment later; the steps and
            // the upload's disposal take back what they stored.
            if (!await personas.StillExistsAsync(userId, command.PersonaId, CancellationToken.None))
            {
                throw NotFoundException.Persona(ex);
            }

            throw;
        }

        var file = upload.File ?? throw new InvalidOperationException("The upload pipeline ended without recording the file.");
        LogStored(logger, upload.StorageKey, file.FileSize);
        return file.ToDto();
    }

    // Debug, like every other per-request line (the framework's request logs are at Warning):
    // at Information the console logger's queue lock was a measurable share of an upload under load.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored {Key} ({Bytes} bytes)")]
    private static partial void LogStored(ILogger logger, string key, long bytes);
}
