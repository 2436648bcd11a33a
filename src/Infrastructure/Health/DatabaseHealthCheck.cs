using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PersonaMedia.Infrastructure.Persistence;

namespace PersonaMedia.Infrastructure.Health;

/// <summary>
/// Ready when every migration of this build is applied and the database takes a write. The write
/// rewrites the newest row of EF Core's migration history with its own value inside a transaction
/// that is rolled back: it needs the write permission and a writable database (a read-only SQLite
/// file or a read-only SQL Server database refuses it), but no DDL and no table of its own, and it
/// leaves nothing behind. A full disk is the free-space check's to see: a rolled-back write needs none.
/// </summary>
internal sealed class DatabaseHealthCheck(AppDbContext db, HealthProbeCache cache) : IHealthCheck
{
    public const string Name = "database";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        cache.GetOrRunAsync(Name, CheckAsync, cancellationToken);

    private async Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                return HealthCheckResult.Unhealthy(
                    $"{pending.Count} migration(s) are not applied ({string.Join(", ", pending)}): every request that needs them would fail. "
                    + "Apply them (migration bundle or script; see the README's Upgrading) or start with Database:MigrateOnStartup=true.");
            }

            var newest = db.Database.GetMigrations().Last();
            var rows = await db.Database.CreateExecutionStrategy().ExecuteAsync(
                (db, newest),
                static async (_, state, ct) =>
                {
                    var database = state.db.Database;
                    await using var transaction = await database.BeginTransactionAsync(ct);
                    var touched = await database.ExecuteSqlAsync(
                        $"""UPDATE "__EFMigrationsHistory" SET "ProductVersion" = "ProductVersion" WHERE "MigrationId" = {state.newest}""", ct);
                    await transaction.RollbackAsync(ct);
                    return touched;
                },
                verifySucceeded: null,
                cancellationToken);
            return rows == 1
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The migration history has no row for {newest}, which it reported as applied.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The database cannot be reached or refuses a write: {ex.Message}", ex);
        }
    }
}
