using Microsoft.Extensions.Logging;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Application.Media;

/// <summary>
/// Opens a file's stored bytes for reading, once its row has been read. Bytes that are not there
/// mean one of two things: a delete that won the race removed the file after its row was read (a
/// plain 404, nothing wrong), or a row without bytes (a fault, logged as an error; the reconciler
/// reports it too). The row is asked again to tell them apart, on that rare path only.
/// </summary>
public static partial class StoredMedia
{
    public static async Task<Stream> OpenAsync(
        IFileStore store, IMediaFileRepository mediaFiles, MediaFileDto file, ILogger logger, CancellationToken cancellationToken)
    {
        var key = MediaStorageKeys.For(file.UserId, file.PersonaId, file.Filename);
        if (await store.OpenReadAsync(key, cancellationToken) is { } content)
        {
            return content;
        }

        if (await mediaFiles.FindDtoAsync(file.Id, cancellationToken) is not null)
        {
            LogMissingBytes(logger, file.Id, key);
        }

        throw NotFoundException.MediaFile();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Media file {FileId} has a row but no stored bytes at {Key}")]
    private static partial void LogMissingBytes(ILogger logger, int fileId, string key);
}
