using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PersonaMedia.Infrastructure.Persistence;

/// <summary>
/// Empties the SQLite connection pool when a command or an open fails in a way that the pooled
/// native connections would remember. A database file made read-only for a moment is opened
/// read-only by SQLite and stays so in every pooled connection, so every later write failed with
/// "attempt to write a readonly database" until a restart; the same holds for a file that could
/// not be opened or hit an I/O error. With the pool emptied, the next request opens fresh
/// connections and succeeds as soon as the file is writable again.
/// </summary>
internal sealed class SqlitePoolRecovery : DbCommandInterceptor, IDbConnectionInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        ClearPoolOn(eventData.Exception, command.Connection);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearPoolOn(eventData.Exception, command.Connection);
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) =>
        ClearPoolOn(eventData.Exception, connection);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearPoolOn(eventData.Exception, connection);
        return Task.CompletedTask;
    }

    private static void ClearPoolOn(Exception exception, DbConnection? connection)
    {
        if (exception is SqliteException
            {
                SqliteErrorCode: SqliteCodes.ReadOnly or SqliteCodes.IoErr or SqliteCodes.CantOpen or SqliteCodes.Corrupt or SqliteCodes.NotADb,
            }
            && connection is SqliteConnection sqlite)
        {
            SqliteConnection.ClearPool(sqlite);
        }
    }
}
