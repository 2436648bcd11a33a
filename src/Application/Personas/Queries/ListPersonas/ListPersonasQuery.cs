using Mediator;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Application.Personas.Queries.ListPersonas;

public sealed record ListPersonasQuery : IQuery<IReadOnlyList<PersonaDto>>;

public sealed class ListPersonasQueryHandler(IPersonaRepository personas, ICurrentUser currentUser)
    : IQueryHandler<ListPersonasQuery, IReadOnlyList<PersonaDto>>
{
    public async ValueTask<IReadOnlyList<PersonaDto>> Handle(ListPersonasQuery query, CancellationToken cancellationToken) =>
        await personas.ListOwnedAsync(currentUser.Id, cancellationToken);
}
