using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Application.Media.Queries.GetMediaFile;

public sealed record GetMediaFileQuery(int FileId) : IQuery<MediaFileDto>;

public sealed class GetMediaFileQueryHandler(IMediaFileRepository mediaFiles, ICurrentUser currentUser)
    : IQueryHandler<GetMediaFileQuery, MediaFileDto>
{
    public async ValueTask<MediaFileDto> Handle(GetMediaFileQuery query, CancellationToken cancellationToken) =>
        await mediaFiles.FindOwnedDtoAsync(currentUser.Id, query.FileId, cancellationToken)
        ?? throw NotFoundException.MediaFile();
}
