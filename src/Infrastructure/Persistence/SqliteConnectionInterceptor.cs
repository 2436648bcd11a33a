using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PersonaMedia.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings. The database runs in WAL mode (set once, kept in the file).
/// <c>synchronous</c> comes from <see cref="DatabaseOptions.SqliteSynchronous"/>: <c>FULL</c> (the
/// default) fsyncs the log at every commit, so a committed row survives a power cut; <c>NORMAL</c>
/// saves that fsync and is still safe against corruption, risking only the last commits on power
/// loss, never on a process crash.
/// <c>busy_timeout</c> lets SQLite itself wait for a concurrent writer, retrying after 1, 2, 5, ...
/// ms. Without it every collision goes back to Microsoft.Data.Sqlite, which sleeps 150 ms before
/// it tries again: under concurrent uploads that sleep was most of their latency.
/// Both settings belong to the native connection, which Microsoft.Data.Sqlite pools and hands out
/// again on every open, so they are sent once per native connection, not once per query.
/// </summary>
internal sealed class SqliteConnectionInterceptor(string synchronous) : DbConnectionInterceptor
{
    // 30 s: Microsoft.Data.Sqlite's default command timeout, so a stuck writer fails no sooner than before.
    private readonly string _pragmas = $"PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=30000;";

    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsFirstOpen(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsFirstOpen(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True the first time a native connection is seen (and for anything that is not one).</summary>
    private static bool IsFirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle }
        // The lock-free look-up first: TryAdd takes the table's lock on every open.
        || (!Configured.TryGetValue(handle, out _) && Configured.TryAdd(handle, Configured));
}
