using Mediator;
using PersonaMedia.Application.Common.Concurrency;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Application.Media.Commands.UpdateMediaDescription;

/// <param name="IfMatch">The client's precondition; null for an unconditional update (last write wins).</param>
public sealed record UpdateMediaDescriptionCommand(int FileId, string? Description, IfMatch? IfMatch = null) : ICommand<MediaFileDto>;

public sealed class UpdateMediaDescriptionCommandHandler(
    IMediaFileRepository mediaFiles,
    IUnitOfWork unitOfWork,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<UpdateMediaDescriptionCommand, MediaFileDto>
{
    public async ValueTask<MediaFileDto> Handle(UpdateMediaDescriptionCommand command, CancellationToken cancellationToken)
    {
        var file = await mediaFiles.FindOwnedAsync(currentUser.Id, command.FileId, cancellationToken)
            ?? throw NotFoundException.MediaFile();
        if (command.IfMatch is { } ifMatch && !ifMatch.Accepts(file.UpdatedAt))
        {
            throw PreconditionFailedException.MediaFile();
        }

        var readVersion = file.UpdatedAt;
        file.SetDescription(command.Description, clock.GetUtcNow().UtcDateTime);
        if (command.IfMatch is { NamesVersions: true })
        {
            // The version checked above must still be the row's when it is written.
            if (!await mediaFiles.SaveIfUnchangedAsync(file, readVersion, cancellationToken))
            {
                throw await mediaFiles.FindOwnedDtoAsync(currentUser.Id, command.FileId, cancellationToken) is not null
                    ? PreconditionFailedException.MediaFile()
                    : NotFoundException.MediaFile();
            }

            return file.ToDto();
        }

        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException gone)
        {
            // Deleted since it was read: the UPDATE matched no row.
            throw NotFoundException.MediaFile(gone);
        }

        return file.ToDto();
    }
}
