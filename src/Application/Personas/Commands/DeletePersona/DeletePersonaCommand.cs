using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Common.Models;

namespace PersonaMedia.Application.Personas.Commands.DeletePersona;

public sealed record DeletePersonaCommand(int Id) : ICommand<DetailResponse>;

/// <summary>
/// Deletes the persona and everything it holds (see <see cref="PersonaDeletion"/>): the mark
/// decides, in one statement, which of two DELETEs wins (the other is 404); the rest runs to its
/// end even if the client goes away, so the answer, when it comes, means the rows are gone.
/// Removing the bytes by the persona's key prefix rather than by the rows also takes those of an
/// upload that committed in between, and any variants stored beside the originals; persona ids
/// are never reused, so nothing under the prefix can belong to anyone else.
/// </summary>
public sealed class DeletePersonaCommandHandler(
    IPersonaRepository personas,
    ICurrentUser currentUser,
    PersonaDeletion deletion,
    TimeProvider clock) : ICommandHandler<DeletePersonaCommand, DetailResponse>
{
    public async ValueTask<DetailResponse> Handle(DeletePersonaCommand command, CancellationToken cancellationToken)
    {
        if (!await personas.StartDeletionAsync(currentUser.Id, command.Id, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            throw NotFoundException.Persona();
        }

        await deletion.FinishAsync(command.Id, CancellationToken.None);
        return new DetailResponse("Persona deleted");
    }
}
