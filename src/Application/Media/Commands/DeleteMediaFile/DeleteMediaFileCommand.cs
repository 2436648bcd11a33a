using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Common.Models;

namespace PersonaMedia.Application.Media.Commands.DeleteMediaFile;

public sealed record DeleteMediaFileCommand(int FileId) : ICommand<DetailResponse>;

/// <summary>
/// Deletes the row and records its bytes as a pending deletion in one commit, then deletes the bytes
/// (see <see cref="StoredFileRemover"/>): whatever fails after the commit, the bytes are not forgotten.
/// Of two requests racing to delete one file, the one whose DELETE removes the row answers 200 and
/// removes the bytes; the other's DELETE matches no row, and it answers 404 like any later request.
/// </summary>
public sealed class DeleteMediaFileCommandHandler(
    IMediaFileRepository mediaFiles,
    IUnitOfWork unitOfWork,
    ICurrentUser currentUser,
    StoredFileRemover storedFiles) : ICommandHandler<DeleteMediaFileCommand, DetailResponse>
{
    public async ValueTask<DetailResponse> Handle(DeleteMediaFileCommand command, CancellationToken cancellationToken)
    {
        var file = await mediaFiles.FindOwnedAsync(currentUser.Id, command.FileId, cancellationToken)
            ?? throw NotFoundException.MediaFile();
        mediaFiles.Remove(file);
        storedFiles.Schedule(MediaStorageKeys.For(file.UserId, file.PersonaId, file.FileName));
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException gone)
        {
            throw NotFoundException.MediaFile(gone);
        }

        await storedFiles.DeleteScheduledAsync();

        // Thumbnails are derived and may never have been made: deleted at once, without an entry
        // of their own; one that cannot be deleted now shares the gone row's stem, so the store
        // reconciler removes it as an orphan.
        foreach (var name in ThumbnailPresets.AllStoredNames(file.FileName))
        {
            await storedFiles.DeleteUnrecordedAsync(MediaStorageKeys.For(file.UserId, file.PersonaId, name));
        }
        return new DetailResponse("File deleted");
    }
}
