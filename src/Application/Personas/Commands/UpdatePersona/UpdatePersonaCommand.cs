using Mediator;
using PersonaMedia.Application.Common.Concurrency;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Application.Personas.Commands.UpdatePersona;

/// <param name="IfMatch">The client's precondition; null for an unconditional update (last write wins).</param>
public sealed record UpdatePersonaCommand(int Id, string? Name, string? Description, string? RelationType, IfMatch? IfMatch = null)
    : ICommand<PersonaDto>, IPersonaFields;

public sealed class UpdatePersonaCommandHandler(
    IPersonaRepository personas,
    IUnitOfWork unitOfWork,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<UpdatePersonaCommand, PersonaDto>
{
    public async ValueTask<PersonaDto> Handle(UpdatePersonaCommand command, CancellationToken cancellationToken)
    {
        var persona = await personas.FindOwnedAsync(currentUser.Id, command.Id, cancellationToken)
            ?? throw NotFoundException.Persona();
        if (command.IfMatch is { } ifMatch && !ifMatch.Accepts(persona.UpdatedAt))
        {
            throw PreconditionFailedException.Persona();
        }

        var readVersion = persona.UpdatedAt;
        persona.Update(command.Name!, command.Description, command.RelationType, clock.GetUtcNow().UtcDateTime);
        if (command.IfMatch is { NamesVersions: true })
        {
            // The version checked above must still be the row's when it is written.
            if (!await personas.SaveIfUnchangedAsync(persona, readVersion, cancellationToken))
            {
                throw await personas.StillExistsAsync(currentUser.Id, command.Id, cancellationToken)
                    ? PreconditionFailedException.Persona()
                    : NotFoundException.Persona();
            }

            return persona.ToDto();
        }

        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException gone)
        {
            // Deleted since it was read: the UPDATE matched no row.
            throw NotFoundException.Persona(gone);
        }

        return persona.ToDto();
    }
}
