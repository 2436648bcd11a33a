using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Application.Media.Commands.UpdateMediaDescription;

public sealed record UpdateMediaDescriptionCommand(int FileId, string? Description) : ICommand<MediaFileDto>;

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
        file.SetDescription(command.Description, clock.GetUtcNow().UtcDateTime);
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
