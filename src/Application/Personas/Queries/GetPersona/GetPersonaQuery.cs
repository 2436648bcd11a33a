using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Application.Personas.Queries.GetPersona;

public sealed record GetPersonaQuery(int Id) : IQuery<PersonaDto>;

public sealed class GetPersonaQueryHandler(IPersonaRepository personas, ICurrentUser currentUser)
    : IQueryHandler<GetPersonaQuery, PersonaDto>
{
    public async ValueTask<PersonaDto> Handle(GetPersonaQuery query, CancellationToken cancellationToken) =>
        await personas.FindOwnedDtoAsync(currentUser.Id, query.Id, cancellationToken)
        ?? throw NotFoundException.Persona();
}
