using Microsoft.Extensions.Logging;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Application.Media;

/// <summary>
/// Deletes stored bytes after their rows are gone. The rows' deletion has already been committed,
/// so this runs to the end even if the client goes away, and a failure is logged, not thrown:
/// an orphaned file is harmless, a half-finished answer is not.
/// </summary>
public sealed partial class StoredFileRemover(IFileStore store, ILogger<StoredFileRemover> logger)
{
    public async Task DeleteAsync(IEnumerable<string> keys)
    {
        foreach (var key in keys)
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
    }

    /// <summary>Deletes everything stored under the prefix, on the same terms as <see cref="DeleteAsync"/>.</summary>
    public async Task DeletePrefixAsync(string prefix)
    {
        try
        {
            await store.DeletePrefixAsync(prefix, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogOrphan(logger, ex, prefix + "*");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not delete stored file {Key}; it is left orphaned")]
    private static partial void LogOrphan(ILogger logger, Exception exception, string key);
}
