using Mediator;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Personas;

namespace PersonaMedia.Application.Personas.Commands.CreatePersona;

// The optional fields default to null, so a client may leave them out and the OpenAPI document says so.
public sealed record CreatePersonaCommand(string? Name, string? Description = null, string? RelationType = null)
    : ICommand<PersonaDto>, IPersonaFields;

public sealed class CreatePersonaCommandHandler(
    IPersonaRepository personas,
    IUnitOfWork unitOfWork,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<CreatePersonaCommand, PersonaDto>
{
    public async ValueTask<PersonaDto> Handle(CreatePersonaCommand command, CancellationToken cancellationToken)
    {
        var persona = Persona.Create(
            currentUser.Id, command.Name!, command.Description, command.RelationType, clock.GetUtcNow().UtcDateTime);
        personas.Add(persona);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return persona.ToDto();
    }
}
