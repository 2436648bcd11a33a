using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;
using ValidationException = PersonaMedia.Application.Common.Exceptions.ValidationException;

namespace PersonaMedia.Application.Media.Commands.UploadMedia;

/// <param name="ContentLength">The request's declared body length, when it declared one.</param>
/// <param name="Form">The multipart form, read as it streams in.</param>
public sealed record UploadMediaCommand(int PersonaId, MediaType MediaType, long? ContentLength, IUploadForm Form)
    : ICommand<MediaFileDto>
{
    /// <summary>
    /// Room for the multipart framing around the file (boundaries, part headers, the description
    /// field): a body longer than the size limit plus this cannot carry an acceptable file.
    /// </summary>
    public const long MultipartAllowance = 64 * 1024;

    public const long MaxRequestBodyBytes = MediaRules.MaxFileSizeBytes + MultipartAllowance;

    public const string FileField = "file";
    public const string DescriptionField = "description";
}

/// <summary>
/// Receives an upload in the order of SPEC's upload rules: persona ownership, declared size, the
/// file part and its name and type, then the bytes themselves — counted, hashed, checked against
/// their signature and written to the store as they arrive. Only a file that passed every check is
/// committed to the store and recorded; anything refused leaves nothing behind.
/// </summary>
public sealed partial class UploadMediaCommandHandler(
    IPersonaRepository personas,
    IMediaFileRepository mediaFiles,
    IUnitOfWork unitOfWork,
    IFileStore store,
    ICurrentUser currentUser,
    IValidator<UploadFilePartDescriptor> partValidator,
    StoredFileRemover storedFiles,
    TimeProvider clock,
    ILogger<UploadMediaCommandHandler> logger) : ICommandHandler<UploadMediaCommand, MediaFileDto>
{
    public async ValueTask<MediaFileDto> Handle(UploadMediaCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id;
        if (!await personas.ExistsOwnedAsync(userId, command.PersonaId, cancellationToken))
        {
            throw NotFoundException.Persona();
        }

        if (command.ContentLength > UploadMediaCommand.MaxRequestBodyBytes)
        {
            throw PayloadTooLargeException.File();
        }

        var part = await command.Form.ReadFilePartAsync(cancellationToken)
            ?? throw new ValidationException(UploadMediaCommand.FileField, "A file part named 'file' is required.");
        var descriptor = new UploadFilePartDescriptor(
            command.MediaType, part.FileName, part.ContentType, Description(command.Form));
        await ValidateAsync(descriptor, cancellationToken);

        var expected = MediaRules.FormatForFileName(command.MediaType, part.FileName)!;
        var fileName = MediaFile.NewFileName(expected);
        var key = MediaFile.StorageKeyFor(userId, command.PersonaId, fileName);

        await using var upload = await store.BeginUploadAsync(key, cancellationToken);
        var copied = await MediaContentCopier.CopyAsync(
            part.Content, upload, expected, MediaRules.Declared(command.MediaType, part.ContentType), cancellationToken);

        var rest = await command.Form.ReadRestAsync(cancellationToken);
        if (rest.ExtraFileParts > 0)
        {
            throw new ValidationException(UploadMediaCommand.FileField, "Exactly one file part named 'file' is allowed.");
        }

        // A description sent after the file is known only now.
        if (Description(command.Form) is { } late && late != descriptor.Description)
        {
            descriptor = descriptor with { Description = late };
            await ValidateAsync(descriptor, cancellationToken);
        }

        var file = MediaFile.Create(
            userId,
            command.PersonaId,
            fileName,
            OriginalFileName.Sanitize(part.FileName, copied.Format),
            copied.Format,
            copied.Length,
            copied.Sha256,
            descriptor.Description,
            clock.GetUtcNow().UtcDateTime);

        await upload.CommitAsync(copied.Format.MimeType, copied.Sha256, cancellationToken);
        try
        {
            mediaFiles.Add(file);
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // The row was not recorded, so the committed bytes must not stay.
            await storedFiles.DeleteAsync([key]);
            throw;
        }

        LogStored(logger, key, copied.Length);
        return file.ToDto();
    }

    private static string? Description(IUploadForm form) =>
        form.Fields.GetValueOrDefault(UploadMediaCommand.DescriptionField);

    private async Task ValidateAsync(UploadFilePartDescriptor descriptor, CancellationToken cancellationToken)
    {
        var result = await partValidator.ValidateAsync(descriptor, cancellationToken);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {Key} ({Bytes} bytes)")]
    private static partial void LogStored(ILogger logger, string key, long bytes);
}
