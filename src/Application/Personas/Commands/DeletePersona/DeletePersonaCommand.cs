using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Common.Models;
using PersonaMedia.Application.Media;

namespace PersonaMedia.Application.Personas.Commands.DeletePersona;

public sealed record DeletePersonaCommand(int Id) : ICommand<DetailResponse>;

/// <summary>
/// Deletes the persona and its media rows (the database cascades, in one statement), then every
/// stored object under the persona's key prefix. The prefix is recorded as a pending deletion in the
/// same commit, and the bytes go after it (see <see cref="StoredFileRemover"/>): never a row
/// pointing at nothing, and bytes that cannot go now are retried. Removing by prefix rather than by the rows read first
/// also takes the bytes of an upload that committed in between, and any variants stored beside
/// the originals; persona ids are never reused, so nothing under the prefix can belong to anyone else.
/// </summary>
public sealed class DeletePersonaCommandHandler(
    IPersonaRepository personas,
    IUnitOfWork unitOfWork,
    ICurrentUser currentUser,
    StoredFileRemover storedFiles) : ICommandHandler<DeletePersonaCommand, DetailResponse>
{
    public async ValueTask<DetailResponse> Handle(DeletePersonaCommand command, CancellationToken cancellationToken)
    {
        var persona = await personas.FindOwnedAsync(currentUser.Id, command.Id, cancellationToken)
            ?? throw NotFoundException.Persona();

        personas.Remove(persona);
        storedFiles.Schedule(MediaStorageKeys.PersonaPrefix(persona.UserId, persona.Id));
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException gone)
        {
            // Another DELETE removed it first; that request removes the bytes.
            throw NotFoundException.Persona(gone);
        }

        await storedFiles.DeleteScheduledAsync();

        return new DetailResponse("Persona deleted");
    }
}
