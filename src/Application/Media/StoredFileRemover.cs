using Microsoft.Extensions.Logging;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Storage;

namespace PersonaMedia.Application.Media;

/// <summary>
/// Deletes stored bytes whose rows are gone, durably. A handler first <see cref="Schedule"/>s the
/// keys, which records them as <see cref="PendingDeletion"/>s in the unit of work that removes the
/// rows, so one commit removes the rows and remembers the bytes. After that commit
/// <see cref="DeleteScheduledAsync"/> removes the bytes and then the entries. What fails there
/// (or is never reached, because the process died) stays recorded, and the
/// <c>PendingDeletionsRetrier</c> tries again later; a failure is logged, never thrown, because
/// the rows are already gone and the client's answer must say so.
/// </summary>
public sealed partial class StoredFileRemover(
    IFileStore store,
    IPendingDeletionRepository pendingDeletions,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    ILogger<StoredFileRemover> logger)
{
    private readonly List<PendingDeletion> _scheduled = [];

    /// <summary>
    /// Records that the object under <paramref name="key"/>, or everything under a folder prefix
    /// ending in '/', is to be deleted once the unit of work commits.
    /// </summary>
    public void Schedule(string key)
    {
        var deletion = PendingDeletion.For(key, clock.GetUtcNow().UtcDateTime);
        pendingDeletions.Add(deletion);
        _scheduled.Add(deletion);
    }

    /// <summary>
    /// Deletes what <see cref="Schedule"/> recorded, after the unit of work committed. Runs to the
    /// end even if the client has gone away.
    /// </summary>
    public async Task DeleteScheduledAsync()
    {
        var deleted = 0;
        foreach (var deletion in _scheduled)
        {
            if (await TryDeleteAsync(store, deletion, clock, logger, CancellationToken.None))
            {
                pendingDeletions.Remove(deletion);
                deleted++;
            }
        }

        _scheduled.Clear();
        try
        {
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The bytes are gone; the entries stay and a retrier's delete finds nothing to remove.
            LogEntriesKept(logger, ex, deleted);
        }
    }

    /// <summary>
    /// Deletes bytes whose row never came to be (an upload whose insert failed), at once and without
    /// an entry: the database just refused a write, so none could be recorded. A failure is logged;
    /// the object is then an orphan, which is harmless and never served.
    /// </summary>
    public async Task DeleteUnrecordedAsync(string key)
    {
        try
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogOrphan(logger, ex, key);
        }
    }

    /// <summary>
    /// One attempt to delete what <paramref name="deletion"/> names: true when the store has
    /// nothing left under it; false, with the failure recorded on the entry, otherwise.
    /// </summary>
    public static async Task<bool> TryDeleteAsync(
        IFileStore store, PendingDeletion deletion, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            if (deletion.IsPrefix)
            {
                await store.DeletePrefixAsync(deletion.Key, cancellationToken);
            }
            else
            {
                await store.DeleteAsync(deletion.Key, cancellationToken);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            deletion.Failed($"{ex.GetType().Name}: {ex.Message}", clock.GetUtcNow().UtcDateTime);
            LogDeferred(logger, ex, deletion.Key, deletion.NextAttemptAt);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not delete stored {Key} now; it is recorded as a pending deletion and retried from {NextAttemptAt:o}")]
    private static partial void LogDeferred(ILogger logger, Exception exception, string key, DateTime nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not delete stored file {Key}; it is left orphaned")]
    private static partial void LogOrphan(ILogger logger, Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Deleted {Count} stored object(s) but could not clear their pending-deletion entries; a retrier clears them")]
    private static partial void LogEntriesKept(ILogger logger, Exception exception, int count);
}
