using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PersonaMedia.Infrastructure.Persistence;

public static partial class DatabaseInitialiser
{
    /// <summary>
    /// Applies pending migrations unless <c>Database:MigrateOnStartup</c> is false, and puts a SQLite
    /// database into WAL mode. Run once before the host starts serving.
    /// </summary>
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitialiser));

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (!options.MigrateOnStartup)
        {
            LogSkipped(logger);
            return;
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToArray();
        if (pending.Length > 0)
        {
            LogMigrating(logger, pending.Length, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s): {Migrations}")]
    private static partial void LogMigrating(ILogger logger, int count, string[] migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database:MigrateOnStartup is false; migrations are left to the operator")]
    private static partial void LogSkipped(ILogger logger);
}
