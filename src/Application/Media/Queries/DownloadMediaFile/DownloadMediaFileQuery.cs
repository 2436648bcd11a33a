using Mediator;
using Microsoft.Extensions.Logging;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Application.Media.Queries.DownloadMediaFile;

public sealed record DownloadMediaFileQuery(int FileId) : IQuery<MediaFileContent>;

/// <summary>A file's metadata with its bytes opened for reading (seekable, so ranges can be served).</summary>
public sealed record MediaFileContent(MediaFileDto File, Stream Content);

public sealed class DownloadMediaFileQueryHandler(
    IMediaFileRepository mediaFiles,
    IFileStore store,
    ICurrentUser currentUser,
    ILogger<DownloadMediaFileQueryHandler> logger) : IQueryHandler<DownloadMediaFileQuery, MediaFileContent>
{
    public async ValueTask<MediaFileContent> Handle(DownloadMediaFileQuery query, CancellationToken cancellationToken)
    {
        var file = await mediaFiles.FindOwnedDtoAsync(currentUser.Id, query.FileId, cancellationToken)
            ?? throw NotFoundException.MediaFile();
        return new MediaFileContent(file, await StoredMedia.OpenAsync(store, mediaFiles, file, logger, cancellationToken));
    }
}
