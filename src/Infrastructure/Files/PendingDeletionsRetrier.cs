using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media;
using PersonaMedia.Application.Personas;
using PersonaMedia.Domain.Storage;

namespace PersonaMedia.Infrastructure.Files;

/// <summary>
/// Retries the store deletions that a request could not finish (the store failed, or the process
/// died between the commit and the delete): every <see cref="PendingDeletionsOptions.RetryIntervalSeconds"/>
/// it deletes what is due, in batches, and backs off on what still fails. Deleting is idempotent,
/// so two replicas that take the same entry do no harm; the one whose removal of the entry then
/// matches no row just moves on. Each pass first finishes persona deletions that began more than
/// <see cref="PendingDeletion.FirstRetryDelay"/> ago and never ended (see <see cref="PersonaDeletion"/>).
/// </summary>
internal sealed partial class PendingDeletionsRetrier(
    IServiceScopeFactory scopes,
    IOptions<PendingDeletionsOptions> options,
    TimeProvider clock,
    ILogger<PendingDeletionsRetrier> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RetryIntervalSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await FinishStalledPersonaDeletionsAsync(stoppingToken);
                await RetryDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is unreachable, say: the entries wait for the next pass.
                LogPassFailed(logger, ex);
            }
        }
    }

    /// <summary>Finishes the persona deletions a process began and did not end; returns how many.</summary>
    public async Task<int> FinishStalledPersonaDeletionsAsync(CancellationToken cancellationToken)
    {
        List<int> stalled;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var personas = scope.ServiceProvider.GetRequiredService<IPersonaRepository>();
            var startedBefore = clock.GetUtcNow().UtcDateTime - PendingDeletion.FirstRetryDelay;
            stalled = (await personas.ListStalledDeletionsAsync(startedBefore, options.Value.BatchSize, cancellationToken))
                .Select(p => p.Id).ToList();
        }

        foreach (var personaId in stalled)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PersonaDeletion>().FinishAsync(personaId, cancellationToken);
        }

        if (stalled.Count > 0)
        {
            LogFinishedPersonas(logger, stalled.Count);
        }

        return stalled.Count;
    }

    /// <summary>One pass: retries every entry due now; returns how many were completed.</summary>
    public async Task<int> RetryDueAsync(CancellationToken cancellationToken)
    {
        var completed = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var pending = scope.ServiceProvider.GetRequiredService<IPendingDeletionRepository>();
            var store = scope.ServiceProvider.GetRequiredService<IFileStore>();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();

            var due = await pending.ListDueAsync(clock.GetUtcNow().UtcDateTime, options.Value.BatchSize, cancellationToken);
            var done = 0;
            foreach (var deletion in due)
            {
                if (await StoredFileRemover.TryDeleteAsync(store, deletion, clock, logger, cancellationToken))
                {
                    pending.Remove(deletion);
                    done++;
                }
            }

            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
            }
            catch (ConcurrencyException)
            {
                // Another replica completed some of these first; they are gone either way.
            }

            completed += done;
            if (due.Count < options.Value.BatchSize || done == 0)
            {
                // A short batch was the last; a batch where nothing succeeded has been pushed back
                // and would only be read again.
                break;
            }
        }

        if (completed > 0)
        {
            LogCompleted(logger, completed);
        }

        return completed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Finished {Count} persona deletion(s) that a process began and did not end")]
    private static partial void LogFinishedPersonas(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Completed {Count} pending store deletion(s)")]
    private static partial void LogCompleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A pass over the pending store deletions failed; the next pass retries")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
