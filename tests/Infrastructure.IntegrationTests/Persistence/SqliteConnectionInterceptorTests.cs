using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.Infrastructure.Persistence;

namespace PersonaMedia.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The interceptor sends its pragmas once per native connection; every connection EF opens, fresh
/// or reused from Microsoft.Data.Sqlite's pool, must still carry them.
/// </summary>
public class SqliteConnectionInterceptorTests
{
    private string _connectionString = null!;

    [SetUp]
    public void CreateDatabase()
    {
        var folder = Directory.CreateTempSubdirectory("sqlite-pragmas-").FullName;
        _connectionString = $"Data Source={Path.Combine(folder, "test.db")}";
    }

    [TearDown]
    public void ReleaseConnections() => SqliteConnection.ClearAllPools();

    [TestCase("FULL", 2)]
    [TestCase("NORMAL", 1)]
    public async Task A_fresh_connection_gets_busy_timeout_and_the_configured_synchronous(string pragma, long expected)
    {
        var (busyTimeout, synchronous) = await ReadPragmasAsync(pragma);

        Assert.That(busyTimeout, Is.EqualTo(30_000));
        Assert.That(synchronous, Is.EqualTo(expected));
    }

    [Test]
    public async Task A_pooled_connection_opened_again_keeps_them()
    {
        await ReadPragmasAsync();

        var (busyTimeout, synchronous) = await ReadPragmasAsync();

        Assert.That(busyTimeout, Is.EqualTo(30_000));
        Assert.That(synchronous, Is.EqualTo(2), "2 is FULL");
    }

    [Test]
    public async Task A_new_native_connection_after_the_pool_was_cleared_gets_them_too()
    {
        await ReadPragmasAsync();
        SqliteConnection.ClearAllPools();

        var (busyTimeout, synchronous) = await ReadPragmasAsync();

        Assert.That(busyTimeout, Is.EqualTo(30_000));
        Assert.That(synchronous, Is.EqualTo(2), "2 is FULL");
    }

    private async Task<(long BusyTimeout, long Synchronous)> ReadPragmasAsync(string synchronous = "FULL")
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite(_connectionString)
            .AddInterceptors(new SqliteConnectionInterceptor(synchronous))
            .Options;
        await using var db = new SqliteAppDbContext(options);
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            return (await ScalarAsync(connection, "PRAGMA busy_timeout;"), await ScalarAsync(connection, "PRAGMA synchronous;"));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
