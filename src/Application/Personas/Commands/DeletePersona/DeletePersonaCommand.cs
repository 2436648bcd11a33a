using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Common.Models;
using PersonaMedia.Application.Media;

namespace PersonaMedia.Application.Personas.Commands.DeletePersona;

public sealed record DeletePersonaCommand(int Id) : ICommand<DetailResponse>;

/// <summary>
/// Deletes the persona, its media rows (cascade, in one transaction) and then their stored bytes.
/// Bytes go last: a failure there leaves an orphaned file, never a row pointing at nothing.
/// </summary>
public sealed class DeletePersonaCommandHandler(
    IPersonaRepository personas,
    IMediaFileRepository mediaFiles,
    IUnitOfWork unitOfWork,
    ICurrentUser currentUser,
    StoredFileRemover storedFiles) : ICommandHandler<DeletePersonaCommand, DetailResponse>
{
    public async ValueTask<DetailResponse> Handle(DeletePersonaCommand command, CancellationToken cancellationToken)
    {
        var persona = await personas.FindOwnedAsync(currentUser.Id, command.Id, cancellationToken)
            ?? throw NotFoundException.Persona();
        var keys = await mediaFiles.ListStorageKeysOfPersonaAsync(currentUser.Id, persona.Id, cancellationToken);

        personas.Remove(persona);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await storedFiles.DeleteAsync(keys);

        return new DetailResponse("Persona deleted");
    }
}
