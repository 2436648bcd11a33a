using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Common.Models;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media.Queries.ListPersonaMedia;

/// <param name="MediaType">The filter as the client wrote it: <c>image</c>, <c>video</c> or null for both.</param>
public sealed record ListPersonaMediaQuery(int PersonaId, string? MediaType, int Limit = ListPersonaMediaQuery.MaxLimit, int Offset = 0)
    : IQuery<Page<MediaFileDto>>
{
    public const int MaxLimit = 100;

    /// <summary>The filter as a media type; null when absent. Valid only after validation.</summary>
    public MediaType? MediaTypeFilter => MediaTypes.Parse(MediaType);
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
            userId, query.PersonaId, query.MediaTypeFilter, query.Limit, query.Offset, cancellationToken);
    }
}
