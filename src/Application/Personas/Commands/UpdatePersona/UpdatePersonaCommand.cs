using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Application.Personas.Commands.UpdatePersona;

public sealed record UpdatePersonaCommand(int Id, string? Name, string? Description, string? RelationType)
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
        persona.Update(command.Name!, command.Description, command.RelationType, clock.GetUtcNow().UtcDateTime);
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
