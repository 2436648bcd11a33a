using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Common.Models;
using PersonaMedia.Application.Media.Delivery;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media.Queries.ListPersonaMedia;

/// <param name="MediaType">Only files of this kind; null for both.</param>
/// <param name="Include"><c>urls</c> to add each file's <c>download_url</c>; null for none.</param>
public sealed record ListPersonaMediaQuery(
    int PersonaId, MediaType? MediaType, int Limit = ListPersonaMediaQuery.MaxLimit, int Offset = 0, string? Include = null)
    : IQuery<Page<MediaFileDto>>
{
    public const int MaxLimit = 100;
}

public sealed class ListPersonaMediaQueryHandler(
    IPersonaRepository personas,
    IMediaFileRepository mediaFiles,
    ICurrentUser currentUser,
    MediaUrls urls) : IQueryHandler<ListPersonaMediaQuery, Page<MediaFileDto>>
{
    public async ValueTask<Page<MediaFileDto>> Handle(ListPersonaMediaQuery query, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id;
        if (!await personas.ExistsOwnedAsync(userId, query.PersonaId, cancellationToken))
        {
            throw NotFoundException.Persona();
        }

        var page = await mediaFiles.ListByPersonaAsync(
            userId, query.PersonaId, query.MediaType, query.Limit, query.Offset, cancellationToken);
        // The page's rows are the owner's already: their URLs are signed in memory, no query per file.
        return query.Include == MediaUrls.IncludeUrls ? page with { Items = urls.WithDownloadUrls(page.Items) } : page;
    }
}
