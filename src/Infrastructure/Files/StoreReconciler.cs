using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Infrastructure.Persistence;

namespace PersonaMedia.Infrastructure.Files;

/// <summary>
/// Squares the store with the database, every <see cref="ReconcilerOptions.IntervalMinutes"/>:
/// removes media objects that no row owns and that are older than the grace (the bytes of a crash
/// between the store's commit and the row's insert), what unfinished uploads left behind, and
/// reports rows whose bytes are missing. Deleting is the only thing it does that cannot be undone,
/// so it holds back whenever the database itself might be the one that is wrong: objects older than
/// the database's oldest account, more orphans than <see cref="ReconcilerOptions.MaxDeleteShare"/>
/// of the store, and ownership read again just before each persona folder's deletes. Every step is
/// idempotent, so replicas running it at once only repeat each other's work.
/// </summary>
internal sealed partial class StoreReconciler(
    IServiceScopeFactory scopes,
    IFileStore store,
    IOptions<ReconcilerOptions> options,
    TimeProvider clock,
    IMeterFactory meters,
    ILogger<StoreReconciler> logger) : BackgroundService
{
    /// <summary>How many ids of files without bytes a report keeps; the count is always exact.</summary>
    public const int MissingSampleSize = 20;

    private static readonly TimeSpan FirstPassDelay = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How far the store's clock (Azure's, with whole seconds) may lag the service's before an object
    /// written after the first account looks older than it.
    /// </summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly ReconcilerOptions _options = options.Value;
    private volatile ReconciliationReport? _lastReport;

    /// <summary>The newest finished pass, or null before the first.</summary>
    public ReconciliationReport? LastReport => _lastReport;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var meter = meters.Create(Telemetry.PersonaMediaMeter.Name);
        meter.CreateObservableGauge(
            "personamedia.store.missing_objects",
            () => _lastReport?.MissingBytes ?? 0,
            unit: "{file}",
            description: "Media files whose row exists but whose bytes the store does not hold, at the last reconciliation.");
        meter.CreateObservableGauge(
            "personamedia.store.orphaned_objects",
            () => _lastReport?.Orphans - _lastReport?.OrphansDeleted ?? 0,
            unit: "{object}",
            description: "Stored objects without a row that the last reconciliation left in place.");
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WarnIfDatabaseIsEmptyOverAFullStoreAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPassFailed(logger, ex);
        }

        if (!_options.Enabled)
        {
            return;
        }

        await Task.Delay(_options.Interval < FirstPassDelay ? _options.Interval : FirstPassDelay, clock, stoppingToken);
        using var timer = new PeriodicTimer(_options.Interval, clock);
        do
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The store or the database is unreachable, say: the next pass tries again.
                LogPassFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass, start to end; its report is also kept as <see cref="LastReport"/>.</summary>
    public async Task<ReconciliationReport> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        var cutoff = startedAt - _options.Grace;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var databaseBorn = await db.Users.MinAsync(u => (DateTime?)u.CreatedAt, cancellationToken);

        // Every media key, for the rows' side; the old ones by folder, for the objects' side.
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var oldByFolder = new Dictionary<(int UserId, int PersonaId), List<(StoredObject Object, string Stem)>>();
        await foreach (var stored in store.ListAsync("", cancellationToken))
        {
            if (!MediaStorageKeys.TryParse(stored.Key, out var userId, out var personaId, out var stem))
            {
                continue;
            }

            listed.Add(stored.Key);
            if (stored.LastModified < cutoff)
            {
                if (!oldByFolder.TryGetValue((userId, personaId), out var old))
                {
                    oldByFolder[(userId, personaId)] = old = [];
                }

                old.Add((stored, stem));
            }
        }

        var orphans = new Dictionary<(int UserId, int PersonaId), List<(StoredObject Object, string Stem)>>();
        var orphanCount = 0;
        foreach (var (folder, old) in oldByFolder)
        {
            var owned = await StemsWithRowsAsync(db, folder.UserId, folder.PersonaId, cancellationToken);
            var unowned = old.Where(o => !owned.Contains(o.Stem)).ToList();
            if (unowned.Count > 0)
            {
                orphans[folder] = unowned;
                orphanCount += unowned.Count;
            }
        }

        var (missing, missingSample) = await FindRowsWithoutBytesAsync(db, listed, startedAt, cancellationToken);

        var heldBack = HoldBackReason(orphanCount, listed.Count, databaseBorn);
        var deleted = 0;
        var olderThanDatabase = 0;
        var leftovers = 0;
        if (heldBack is null)
        {
            foreach (var (folder, unowned) in orphans)
            {
                // Read again: only what still has no row, and is younger than the database's first account, goes.
                var owned = await StemsWithRowsAsync(db, folder.UserId, folder.PersonaId, cancellationToken);
                foreach (var (orphan, stem) in unowned)
                {
                    if (owned.Contains(stem))
                    {
                        continue;
                    }

                    if (orphan.LastModified.UtcDateTime < databaseBorn - ClockSkew)
                    {
                        olderThanDatabase++;
                        continue;
                    }

                    if (await TryDeleteAsync(orphan.Key, cancellationToken))
                    {
                        deleted++;
                    }
                }
            }
        }

        if (!_options.ReportOnly)
        {
            // Temporary files and empty folders hold no one's bytes: they go whatever the orphans' verdict.
            leftovers = await store.RemoveLeftoversAsync(cutoff, cancellationToken);
        }

        if (olderThanDatabase > 0)
        {
            heldBack = $"{olderThanDatabase} object(s) without a row were written before the database's oldest account ({databaseBorn:O}): "
                + "they may belong to a database that was lost or replaced, so they were kept";
        }

        var report = new ReconciliationReport(
            startedAt, listed.Count, orphanCount, deleted, leftovers, missing, missingSample, heldBack);
        _lastReport = report;
        Log(report);
        return report;
    }

    private string? HoldBackReason(int orphans, int objects, DateTime? databaseBorn)
    {
        if (orphans == 0)
        {
            return null;
        }

        if (_options.ReportOnly)
        {
            return $"{ReconcilerOptions.SectionName}:ReportOnly is set";
        }

        if (databaseBorn is null)
        {
            return "the database has no account at all while the store holds objects: it may be a new, empty database "
                + "over an old store (a lost or replaced database file?), so nothing was deleted";
        }

        if (orphans > _options.MaxDeleteShare * objects)
        {
            return $"{orphans} of {objects} media objects have no row, more than {ReconcilerOptions.SectionName}:MaxDeleteShare "
                + $"({_options.MaxDeleteShare:P0}) allows: is this the right database? Nothing was deleted";
        }

        return null;
    }

    private static async Task<HashSet<string>> StemsWithRowsAsync(
        AppDbContext db, int userId, int personaId, CancellationToken cancellationToken)
    {
        var names = await db.MediaFiles.AsNoTracking()
            .Where(f => f.UserId == userId && f.PersonaId == personaId)
            .Select(f => f.FileName)
            .ToListAsync(cancellationToken);
        return names.Select(MediaStorageKeys.StemOf).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Rows whose original is not among the listed keys, read in pages by id. Only rows older than
    /// the listing count: a row is inserted after its bytes are committed, so their bytes were in
    /// the store before the listing began.
    /// </summary>
    private async Task<(int Count, IReadOnlyList<int> Sample)> FindRowsWithoutBytesAsync(
        AppDbContext db, HashSet<string> listed, DateTimeOffset listingStarted, CancellationToken cancellationToken)
    {
        var before = listingStarted.UtcDateTime;
        var count = 0;
        var sample = new List<int>();
        var afterId = 0;
        while (true)
        {
            var page = await db.MediaFiles.AsNoTracking()
                .Where(f => f.Id > afterId && f.CreatedAt < before)
                .OrderBy(f => f.Id)
                .Select(f => new { f.Id, f.UserId, f.PersonaId, f.FileName })
                .Take(_options.BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var row in page)
            {
                if (!listed.Contains(MediaStorageKeys.For(row.UserId, row.PersonaId, row.FileName)))
                {
                    count++;
                    if (sample.Count < MissingSampleSize)
                    {
                        sample.Add(row.Id);
                    }
                }
            }

            if (page.Count < _options.BatchSize)
            {
                return (count, sample);
            }

            afterId = page[^1].Id;
        }
    }

    private async Task<bool> TryDeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await store.DeleteAsync(key, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotDeleted(logger, ex, key);
            return false;
        }
    }

    /// <summary>
    /// A database without a single media row over a store that holds media objects is what a lost
    /// or replaced database file looks like (a fresh one is created at start); said loudly, at start.
    /// </summary>
    private async Task WarnIfDatabaseIsEmptyOverAFullStoreAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.MediaFiles.AnyAsync(cancellationToken))
        {
            return;
        }

        await foreach (var stored in store.ListAsync("", cancellationToken))
        {
            if (MediaStorageKeys.TryParse(stored.Key, out _, out _, out _))
            {
                LogEmptyDatabaseOverFullStore(logger, stored.Key);
                return;
            }
        }
    }

    private void Log(ReconciliationReport report)
    {
        if (report.HeldBack is not null)
        {
            LogHeldBack(logger, report.Orphans, report.Objects, report.HeldBack);
        }

        if (report.MissingBytes > 0)
        {
            LogMissing(logger, report.MissingBytes, string.Join(", ", report.MissingSample));
        }

        LogPass(logger, report.Objects, report.Orphans, report.OrphansDeleted, report.LeftoversRemoved, report.MissingBytes);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Store reconciled: {Objects} media object(s), {Orphans} without a row ({Deleted} deleted), {Leftovers} leftover(s) of unfinished uploads removed, {Missing} row(s) without bytes")]
    private static partial void LogPass(ILogger logger, int objects, int orphans, int deleted, int leftovers, int missing);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Store reconciliation kept {Orphans} of {Objects} object(s) without a row: {Reason}")]
    private static partial void LogHeldBack(ILogger logger, int orphans, int objects, string reason);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "{Count} media file(s) have a row but no bytes in the store (file ids, first of them: {FileIds}); downloads of them answer 404")]
    private static partial void LogMissing(ILogger logger, int count, string fileIds);

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "The database holds no media file while the store holds media objects (one is {Key}). If the database file was lost, replaced or is the wrong one, stop the service and restore it; the reconciler deletes nothing older than the database's oldest account")]
    private static partial void LogEmptyDatabaseOverFullStore(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store reconciliation could not delete {Key}; the next pass tries again")]
    private static partial void LogNotDeleted(ILogger logger, Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A store reconciliation pass failed; the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}

/// <summary>What one reconciliation pass found and did.</summary>
internal sealed record ReconciliationReport(
    DateTimeOffset StartedAt,
    int Objects,
    int Orphans,
    int OrphansDeleted,
    int LeftoversRemoved,
    int MissingBytes,
    IReadOnlyList<int> MissingSample,
    string? HeldBack);
