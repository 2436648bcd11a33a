using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace PersonaMedia.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section, with <c>ConnectionStrings:Default</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "Default";
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;
    public const string DefaultSqliteConnectionString = "Data Source=data/personamedia.db";
    public const int DefaultMaxRetryCount = 6;
    public const int DefaultMaxRetryDelaySeconds = 30;
    public const int DefaultDeleteBatchSize = 1000;
    public const int MaxDeleteBatchSize = 4000;
    public const string DefaultSqliteSynchronous = "Full";
    private static readonly string[] SqliteSynchronousModes = ["Full", "Normal"];

    private const string SqlServerExample =
        "Server=host,1433;Database=PersonaMedia;User ID=...;Password=...;Encrypt=True";

    /// <summary>
    /// <c>Sqlite</c> or <c>SqlServer</c>, by name only: kept as text because the configuration binder
    /// would take <c>1</c> for the second member of an enum.
    /// </summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>Apply pending migrations when the service starts; operators may turn it off and migrate themselves.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>SQL Server: how often EF Core's execution strategy retries a transient failure.</summary>
    public int MaxRetryCount { get; set; } = DefaultMaxRetryCount;

    /// <summary>SQL Server: the longest wait between two retries.</summary>
    public int MaxRetryDelaySeconds { get; set; } = DefaultMaxRetryDelaySeconds;

    /// <summary>
    /// How many media rows one statement of a persona's deletion removes, each in its own short
    /// transaction. Kept below SQL Server's lock escalation (about 5,000 locks on one table), so
    /// a large persona's deletion never takes the whole table and stalls everyone's uploads.
    /// </summary>
    public int DeleteBatchSize { get; set; } = DefaultDeleteBatchSize;

    /// <summary>
    /// SQLite's <c>synchronous</c> setting, <c>Full</c> or <c>Normal</c> (by name). <c>Full</c> fsyncs
    /// the write-ahead log at every commit, so an upload answered 201 keeps its row through a power
    /// cut, as its bytes do (<c>Storage:Local:FlushToDisk</c>). <c>Normal</c> saves that fsync and may
    /// lose the last commits on power loss (never on a process crash, never to corruption).
    /// </summary>
    public string SqliteSynchronous { get; set; } = DefaultSqliteSynchronous;

    /// <summary><c>ConnectionStrings:Default</c>, filled from outside the section.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The provider named by <see cref="Provider"/>, or null when it names none.</summary>
    public DatabaseProvider? Kind => ParseProvider(Provider);

    public static DatabaseProvider? ParseProvider(string? value) => value?.Trim() switch
    {
        null or "" => DatabaseProvider.Sqlite,
        var v when v.Equals(nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Sqlite,
        var v when v.Equals(nameof(DatabaseProvider.SqlServer), StringComparison.OrdinalIgnoreCase) => DatabaseProvider.SqlServer,
        _ => null,
    };

    /// <summary>The <c>PRAGMA synchronous</c> value <see cref="SqliteSynchronous"/> names, or null when it names none.</summary>
    public string? SqliteSynchronousPragma =>
        SqliteSynchronousModes.FirstOrDefault(mode => mode.Equals(SqliteSynchronous?.Trim(), StringComparison.OrdinalIgnoreCase))?.ToUpperInvariant();

    /// <summary>The retry policy in words, for the start-up log and its failures.</summary>
    public string RetryPolicy =>
        $"EnableRetryOnFailure: up to {MaxRetryCount} retries, at most {MaxRetryDelaySeconds} s apart "
        + "(Database:MaxRetryCount, Database:MaxRetryDelaySeconds)";

    /// <summary>The SQLite connection string with its file made absolute against <paramref name="contentRoot"/>.</summary>
    public string SqliteConnectionString(string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(ConnectionString) ? DefaultSqliteConnectionString : ConnectionString);
        if (SqliteFilePath(builder, contentRoot) is { } path)
        {
            builder.DataSource = path;
        }

        return builder.ToString();
    }

    /// <summary>The SQLite database file, absolute, or null for an in-memory database.</summary>
    public string? SqliteFile(string contentRoot) =>
        SqliteFilePath(new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(ConnectionString) ? DefaultSqliteConnectionString : ConnectionString), contentRoot);

    private static string? SqliteFilePath(SqliteConnectionStringBuilder builder, string contentRoot) =>
        builder.Mode == SqliteOpenMode.Memory || builder.DataSource.StartsWith(':') || builder.DataSource.Length == 0
            ? null
            : Path.GetFullPath(builder.DataSource, contentRoot);

    /// <summary>Where the database is, without credentials: for the start-up log.</summary>
    public string Describe(string contentRoot)
    {
        if (Kind == DatabaseProvider.SqlServer)
        {
            var sql = new SqlConnectionStringBuilder(ConnectionString);
            return $"SqlServer at {sql.DataSource}, database {Or(sql.InitialCatalog, "(the login's default)")}, {RetryPolicy}";
        }

        return $"Sqlite at {SqliteFile(contentRoot) ?? "(in memory)"}, synchronous={SqliteSynchronousPragma}";
    }

    public IEnumerable<string> Problems()
    {
        switch (Kind)
        {
            case null:
                yield return $"Database:Provider '{Provider}' is not supported: set it to Sqlite or SqlServer (by name).";
                yield break;
            case DatabaseProvider.SqlServer when string.IsNullOrWhiteSpace(ConnectionString):
                yield return "Database:Provider is SqlServer but ConnectionStrings:Default is empty: "
                    + $"set ConnectionStrings__Default, for example to {SqlServerExample}.";
                break;
            case DatabaseProvider.SqlServer when SqlServerProblem(ConnectionString!) is { } problem:
                yield return $"ConnectionStrings:Default is not a SQL Server connection string: {problem} "
                    + $"Set it in the form {SqlServerExample}.";
                break;
            case DatabaseProvider.Sqlite when !string.IsNullOrWhiteSpace(ConnectionString) && SqliteProblem(ConnectionString) is { } problem:
                yield return $"ConnectionStrings:Default is not a SQLite connection string: {problem} "
                    + "Set it in the form Data Source=data/personamedia.db (relative to the content root).";
                break;
        }

        if (MaxRetryCount is < 0 or > 100)
        {
            yield return $"Database:MaxRetryCount {MaxRetryCount} must lie between 0 and 100; the default is {DefaultMaxRetryCount}.";
        }

        if (MaxRetryDelaySeconds is < 1 or > 600)
        {
            yield return $"Database:MaxRetryDelaySeconds {MaxRetryDelaySeconds} must lie between 1 and 600; the default is {DefaultMaxRetryDelaySeconds}.";
        }

        if (Kind == DatabaseProvider.Sqlite && SqliteSynchronousPragma is null)
        {
            yield return $"Database:SqliteSynchronous '{SqliteSynchronous}' is not supported: set it to Full (the default: "
                + "every commit survives a power cut) or Normal (saves an fsync per commit, may lose the last commits on power loss).";
        }

        if (DeleteBatchSize is < 1 or > MaxDeleteBatchSize)
        {
            yield return $"Database:DeleteBatchSize {DeleteBatchSize} must lie between 1 and {MaxDeleteBatchSize} "
                + $"(below SQL Server's lock escalation); the default is {DefaultDeleteBatchSize}.";
        }
    }

    // The builders' messages name the offending keyword or position, never the value (which may hold a password).
    private static string? SqlServerProblem(string connectionString)
    {
        try
        {
            var builder = new SqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.DataSource) ? "it names no server (Server=...)." : null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            return ex.Message.TrimEnd('.') + ".";
        }
    }

    private static string? SqliteProblem(string connectionString)
    {
        try
        {
            _ = new SqliteConnectionStringBuilder(connectionString);
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            return ex.Message.TrimEnd('.') + ".";
        }
    }

    private static string Or(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
