using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media;
using PersonaMedia.Application.Media.Thumbnails;

namespace PersonaMedia.Infrastructure.Media;

/// <summary>
/// Makes thumbnails after uploads have answered. Uploads hand their file's id to a bounded queue
/// (<see cref="MediaProcessingOptions.ThumbnailQueueLength"/>) without waiting; as many jobs run at once
/// as <see cref="MediaProcessingOptions.ThumbnailConcurrency"/> allows, sharing the thumbnail maker's bound
/// with requests that ask for one first. The database is the record, the queue only a hint: a file
/// stays pending until its job has stored every preset, so a full queue, a fault or a restart loses
/// nothing; a sweep (at start, then every <see cref="MediaProcessingOptions.ThumbnailSweepSeconds"/>)
/// queues what is still pending. Two replicas may both make one file's thumbnails; the store keeps the
/// first copy and the state is settled once.
/// </summary>
internal sealed partial class ThumbnailWorker(
    IServiceScopeFactory scopes,
    MediaProcessingOptions options,
    TimeProvider clock,
    ILogger<ThumbnailWorker> logger) : BackgroundService, IThumbnailScheduler
{
    private const int SweepPage = 500;

    private readonly Channel<int> _queue = Channel.CreateBounded<int>(new BoundedChannelOptions(options.ThumbnailQueueLength)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    // Queued or being made: a sweep does not queue a file twice.
    private readonly ConcurrentDictionary<int, bool> _inFlight = new();

    public bool TryEnqueue(int fileId)
    {
        if (!options.BackgroundThumbnails || !_inFlight.TryAdd(fileId, true))
        {
            return false;
        }

        if (_queue.Writer.TryWrite(fileId))
        {
            return true;
        }

        _inFlight.TryRemove(fileId, out _);
        return false;
    }

    /// <summary>One sweep: queues pending files, oldest first, until none is left or the queue is full; returns how many it queued.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        var after = 0;
        while (true)
        {
            IReadOnlyList<int> pending;
            await using (var scope = scopes.CreateAsyncScope())
            {
                pending = await scope.ServiceProvider.GetRequiredService<IMediaFileRepository>()
                    .ListPendingThumbnailsAsync(after, SweepPage, cancellationToken);
            }

            foreach (var id in pending)
            {
                if (_inFlight.ContainsKey(id))
                {
                    continue;
                }

                if (!TryEnqueue(id))
                {
                    return queued; // full: the rest waits for the next sweep
                }

                queued++;
            }

            if (pending.Count < SweepPage)
            {
                return queued;
            }

            after = pending[^1];
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.BackgroundThumbnails)
        {
            return;
        }

        var loops = Enumerable.Range(0, options.ThumbnailConcurrency).Select(_ => WorkAsync(stoppingToken)).Append(SweepLoopAsync(stoppingToken));
        await Task.WhenAll(loops);
    }

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.ThumbnailSweepSeconds), clock);
            do
            {
                try
                {
                    if (await SweepAsync(stoppingToken) is var queued and > 0)
                    {
                        LogSwept(logger, queued);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSweepFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is pending stays pending, for the next start.
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var fileId in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var outcome = await scope.ServiceProvider.GetRequiredService<ThumbnailGeneration>().MakeAllAsync(fileId, stoppingToken);
                    LogJobDone(logger, fileId, outcome);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Never the worker's end: the file stays pending and the next sweep tries again.
                    LogJobFailed(logger, fileId, ex);
                }
                finally
                {
                    _inFlight.TryRemove(fileId, out _);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a job cut short left its file pending.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Thumbnails of file {FileId}: {Outcome}")]
    private static partial void LogJobDone(ILogger logger, int fileId, ThumbnailJobOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Thumbnails of file {FileId} could not be made now; the next sweep tries again")]
    private static partial void LogJobFailed(ILogger logger, int fileId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} file(s) still waiting for thumbnails")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sweep for files waiting for thumbnails failed; the next one tries again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
