using System.Diagnostics;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Infrastructure.Settings;

namespace PersonaMedia.Infrastructure.Persistence;

public static partial class DatabaseInitialiser
{
    /// <summary>
    /// Everything the service does once before it serves: resolves the signing key (generating the
    /// development key), creates the SQLite folder, puts SQLite into WAL mode and applies pending
    /// migrations unless <c>Database:MigrateOnStartup</c> is false. A database that cannot be
    /// reached ends in a <see cref="StartupFailureException"/> naming the host and the retry policy.
    /// </summary>
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        _ = services.GetRequiredService<SymmetricSecurityKey>();

        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var environment = scope.ServiceProvider.GetRequiredService<IHostEnvironment>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitialiser));

        if (options.Kind != DatabaseProvider.SqlServer && options.SqliteFile(environment.ContentRootPath) is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (await MigrateAsync(db, options, logger, cancellationToken))
            {
                await UsernameSkeletonBackfill.RunAsync(
                    db, scope.ServiceProvider.GetRequiredService<IConfusableSkeleton>(), logger, cancellationToken);
            }
        }
        catch (Exception ex) when (options.Kind == DatabaseProvider.SqlServer && SqlFailure(ex) is { } sql)
        {
            var server = new SqlConnectionStringBuilder(options.ConnectionString);
            throw new StartupFailureException(
                $"Cannot reach SQL Server at {server.DataSource} (database {server.InitialCatalog}): {FirstLine(sql.Message)} "
                + $"Gave up after {Stopwatch.GetElapsedTime(started).TotalSeconds:0.#} s with the retry policy {options.RetryPolicy}. "
                + "Check ConnectionStrings:Default and that the server is running and reachable from here.", ex);
        }
    }

    /// <summary>Migrates when asked to; true when the database is now at the model's schema.</summary>
    private static async Task<bool> MigrateAsync(AppDbContext db, DatabaseOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToArray();
        if (!options.MigrateOnStartup)
        {
            LogSkipped(logger);
            return pending.Length == 0;
        }

        if (pending.Length > 0)
        {
            LogMigrating(logger, pending.Length, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>The SqlException behind a failure, directly or wrapped by the execution strategy's retries.</summary>
    private static SqlException? SqlFailure(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is SqlException sql)
            {
                return sql;
            }
        }

        return null;
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.EndsWith('.') || line.EndsWith(')') ? line : line + ".";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s): {Migrations}")]
    private static partial void LogMigrating(ILogger logger, int count, string[] migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database:MigrateOnStartup is false; migrations are left to the operator")]
    private static partial void LogSkipped(ILogger logger);
}
