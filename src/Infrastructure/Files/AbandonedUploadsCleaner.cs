using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PersonaMedia.Infrastructure.Files;

/// <summary>
/// Removes temporary upload files that no upload will ever commit: those left by a process that
/// died mid-upload. Runs at start and then hourly, and only touches files older than a day, far
/// longer than any upload can last under Kestrel's minimum request data rate.
/// </summary>
internal sealed partial class AbandonedUploadsCleaner(
    LocalFileStore store,
    TimeProvider clock,
    ILogger<AbandonedUploadsCleaner> logger) : BackgroundService
{
    public static readonly TimeSpan MinimumAge = TimeSpan.FromDays(1);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            Clean();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes abandoned temporary files; returns how many.</summary>
    public int Clean()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - MinimumAge;
        var removed = 0;
        foreach (var file in new DirectoryInfo(store.RootPath).EnumerateFiles(
            "*" + LocalFileStore.TemporarySuffix,
            // Temporary names start with a dot, which .NET counts as hidden and skips by default.
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None }))
        {
            if (file.LastWriteTimeUtc >= cutoff)
            {
                continue;
            }

            try
            {
                file.Delete();
                removed++;
            }
            catch (IOException ex)
            {
                LogNotRemoved(logger, ex, file.FullName);
            }
        }

        if (removed > 0)
        {
            LogRemoved(logger, removed);
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} abandoned temporary upload file(s)")]
    private static partial void LogRemoved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove abandoned temporary upload file {Path}")]
    private static partial void LogNotRemoved(ILogger logger, Exception exception, string path);
}
