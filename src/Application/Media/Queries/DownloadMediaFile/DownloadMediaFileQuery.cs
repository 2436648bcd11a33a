using Mediator;
using Microsoft.Extensions.Logging;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Application.Media.Queries.DownloadMediaFile;

public sealed record DownloadMediaFileQuery(int FileId) : IQuery<MediaFileContent>;

/// <summary>A file's metadata with its bytes opened for reading (seekable, so ranges can be served).</summary>
public sealed record MediaFileContent(MediaFileDto File, Stream Content);

public sealed partial class DownloadMediaFileQueryHandler(
    IMediaFileRepository mediaFiles,
    IFileStore store,
    ICurrentUser currentUser,
    ILogger<DownloadMediaFileQueryHandler> logger) : IQueryHandler<DownloadMediaFileQuery, MediaFileContent>
{
    public async ValueTask<MediaFileContent> Handle(DownloadMediaFileQuery query, CancellationToken cancellationToken)
    {
        var file = await mediaFiles.FindOwnedDtoAsync(currentUser.Id, query.FileId, cancellationToken)
            ?? throw NotFoundException.MediaFile();
        var key = MediaStorageKeys.For(file.UserId, file.PersonaId, file.Filename);
        var content = await store.OpenReadAsync(key, cancellationToken);
        if (content is null)
        {
            LogMissingBytes(logger, file.Id, key);
            throw new NotFoundException("File content not found");
        }

        return new MediaFileContent(file, content);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Media file {FileId} has a row but no stored bytes at {Key}")]
    private static partial void LogMissingBytes(ILogger logger, int fileId, string key);
}
