using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Infrastructure.Persistence;

/// <summary>
/// Removes upload idempotency keys past their 24 hours, hourly, in batches, so the table holds
/// about a day of keys. An expired key already replays nothing (the upload path frees it when it
/// is sent again); this only keeps the table small. Two replicas purging at once delete the same
/// rows, which is harmless.
/// </summary>
internal sealed partial class IdempotencyKeyPurger(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<IdempotencyKeyPurger> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    public const int BatchSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, ex);
            }
        }
    }

    /// <summary>One pass: removes every key expired by now; returns how many went.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var removed = 0;
        int batch;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var keys = scope.ServiceProvider.GetRequiredService<IUploadIdempotencyKeyRepository>();
            batch = await keys.RemoveExpiredAsync(clock.GetUtcNow().UtcDateTime, BatchSize, cancellationToken);
            removed += batch;
        }
        while (batch == BatchSize);

        if (removed > 0)
        {
            LogPurged(logger, removed);
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired upload idempotency key(s)")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A purge of expired idempotency keys failed; the next pass retries")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
