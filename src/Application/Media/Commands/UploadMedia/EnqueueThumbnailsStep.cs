using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media.Commands.UploadMedia;

/// <summary>
/// Once the row is recorded, hands a file with thumbnails to make to the background worker, without
/// waiting: the answer never waits for a thumbnail. A full queue drops nothing (the row says pending,
/// and the worker's sweep finds it).
/// </summary>
public sealed class EnqueueThumbnailsStep(IThumbnailScheduler thumbnails) : IUploadStep
{
    public UploadStage Stage => UploadStage.Record;

    public ValueTask RunAsync(UploadContext upload, CancellationToken cancellationToken)
    {
        if (upload.File is { ThumbnailState: ThumbnailState.Pending } file)
        {
            thumbnails.TryEnqueue(file.Id);
        }

        return ValueTask.CompletedTask;
    }
}
