namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>
/// Hands a file to the background thumbnail worker, without waiting: the queue is bounded, and a
/// file that does not fit stays pending in the database, where the worker's sweep finds it later
/// (and after a restart). Nothing is lost by a full queue or a stop.
/// </summary>
public interface IThumbnailScheduler
{
    /// <summary>False when the queue is full or the worker is off; the file is then found by a later sweep.</summary>
    bool TryEnqueue(int fileId);
}
