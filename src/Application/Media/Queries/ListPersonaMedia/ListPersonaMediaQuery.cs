using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Common.Models;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media.Queries.ListPersonaMedia;

/// <param name="MediaType">Only files of this kind; null for both.</param>
public sealed record ListPersonaMediaQuery(int PersonaId, MediaType? MediaType, int Limit = ListPersonaMediaQuery.MaxLimit, int Offset = 0)
    : IQuery<Page<MediaFileDto>>
{
    public const int MaxLimit = 100;
}

public sealed class ListPersonaMediaQueryHandler(
    IPersonaRepository personas,
    IMediaFileRepository mediaFiles,
    ICurrentUser currentUser) : IQueryHandler<ListPersonaMediaQuery, Page<MediaFileDto>>
{
    public async ValueTask<Page<MediaFileDto>> Handle(ListPersonaMediaQuery query, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id;
        if (!await personas.ExistsOwnedAsync(userId, query.PersonaId, cancellationToken))
        {
            throw NotFoundException.Persona();
        }

        return await mediaFiles.ListByPersonaAsync(
            userId, query.PersonaId, query.MediaType, query.Limit, query.Offset, cancellationToken);
    }
}
