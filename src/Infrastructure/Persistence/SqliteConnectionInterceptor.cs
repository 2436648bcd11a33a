using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PersonaMedia.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings. The database runs in WAL mode (set once, kept in the file), where
/// <c>synchronous=NORMAL</c> is still safe against corruption and only risks the last commits on
/// power loss, not on a process crash; it saves an fsync per write transaction.
/// </summary>
internal sealed class SqliteConnectionInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
