using Azure;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Infrastructure.Persistence;

/// <summary>
/// What the providers' own errors mean to a client. A database that is read-only for a moment,
/// locked, unreachable or out of retries, and a store that times out or answers 5xx, are faults
/// that pass: 503 with Retry-After. A full disk (SQLite's FULL, SQL Server's 1105/9002, ENOSPC and
/// EDQUOT from the local store) is 507. A blob deleted between its opening and its first read (a
/// download racing the file's delete) is 404, like the file. The whole chain of inner (and aggregated) exceptions is
/// read, since EF Core and the Azure SDK wrap the provider's error.
/// </summary>
internal sealed class ProviderFaults : IFaultTranslator
{
    private const int Enospc = 28;
    private const int Edquot = 122;

    public Exception? Translate(Exception exception)
    {
        foreach (var cause in Chain(exception))
        {
            switch (cause)
            {
                case SqliteException { SqliteErrorCode: SqliteCodes.Full }:
                case SqlException { Number: 1105 or 9002 }:
                    return new InsufficientStorageException("The database's disk is full: nothing was saved. Try again once an operator has made room.", exception);
                case IOException { HResult: Enospc or Edquot }:
                    return new InsufficientStorageException("The file store's disk is full: nothing was stored. Try again once an operator has made room.", exception);
                case SqliteException { SqliteErrorCode: SqliteCodes.Busy or SqliteCodes.Locked or SqliteCodes.ReadOnly or SqliteCodes.IoErr or SqliteCodes.CantOpen }:
                case SqlException sql when IsTransient(sql):
                case System.Data.Common.DbException { IsTransient: true }:
                case RetryLimitExceededException:
                    return new ServiceUnavailableException("The database is unavailable for a moment: nothing was changed. Try again shortly.", exception);
                case RequestFailedException { Status: 404, ErrorCode: "BlobNotFound" }:
                case RequestFailedException { Status: 412, ErrorCode: "ConditionNotMet" }:
                    // Opened, then deleted by a request that won the race before this one's bytes
                    // were read (a read is conditional on the ETag seen at opening, and a blob is
                    // never rewritten, so a failed condition means it is gone): the file is gone,
                    // as a request a moment later would be told.
                    return new NotFoundException("The file was deleted while it was being read.", exception);
                case RequestFailedException { Status: 0 or 408 or 429 or >= 500 }:
                    return new ServiceUnavailableException("The file store is unavailable for a moment: nothing was changed. Try again shortly.", exception);
            }
        }

        // Any other I/O failure that reached the edge is the store's (the database's come as its
        // provider's exceptions, a client that went away is answered before): not the client's fault.
        if (Chain(exception).FirstOrDefault(e => e is IOException or UnauthorizedAccessException) is { } io)
        {
            // Its message (a path, say) is for the log, not for the client.
            return new ServiceUnavailableException("The file store failed: nothing was changed. Try again shortly.", io);
        }

        return null;
    }

    /// <summary>
    /// SQL Server's errors that pass: timeouts, dropped or refused connections, deadlock victims,
    /// and Azure SQL's "busy, try again" family (the numbers EF Core's own retry strategy retries).
    /// </summary>
    private static bool IsTransient(SqlException exception) => exception.Errors.Cast<SqlError>().Any(e => e.Number is
        -2 or 20 or 64 or 233 or 1205 or 4060 or 4221 or 10053 or 10054 or 10060 or 10928 or 10929
        or 40143 or 40197 or 40501 or 40540 or 40613 or 41301 or 41302 or 41305 or 41325 or 41839 or 49918 or 49919 or 49920);

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}

/// <summary>The primary result codes of SQLite that matter here (https://www.sqlite.org/rescode.html).</summary>
internal static class SqliteCodes
{
    public const int Busy = 5;
    public const int Locked = 6;
    public const int ReadOnly = 8;
    public const int IoErr = 10;
    public const int Corrupt = 11;
    public const int Full = 13;
    public const int CantOpen = 14;
    public const int NotADb = 26;
}
