using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media.Delivery;

namespace PersonaMedia.Application.Media.Queries.GetMediaFile;

/// <param name="Include"><c>urls</c> to add the file's <c>download_url</c>; null for none.</param>
public sealed record GetMediaFileQuery(int FileId, string? Include = null) : IQuery<MediaFileDto>;

public sealed class GetMediaFileQueryHandler(IMediaFileRepository mediaFiles, ICurrentUser currentUser, MediaUrls urls)
    : IQueryHandler<GetMediaFileQuery, MediaFileDto>
{
    public async ValueTask<MediaFileDto> Handle(GetMediaFileQuery query, CancellationToken cancellationToken)
    {
        var file = await mediaFiles.FindOwnedDtoAsync(currentUser.Id, query.FileId, cancellationToken)
            ?? throw NotFoundException.MediaFile();
        return query.Include == MediaUrls.IncludeUrls ? urls.WithDownloadUrl(file) : file;
    }
}
