using Microsoft.EntityFrameworkCore;

namespace PersonaMedia.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// The database the running service writes to: WAL mode, and <c>synchronous=FULL</c> unless an
/// operator chose <c>Normal</c>, so that an upload answered 201 keeps its row through a power cut.
/// </summary>
public class SqliteDurabilityTests
{
    [TestCase(null, 2L, TestName = "By default every commit is fsynced (synchronous=FULL)")]
    [TestCase("Normal", 1L, TestName = "Database:SqliteSynchronous=Normal gives synchronous=NORMAL")]
    public async Task The_service_opens_its_database_in_WAL_mode_with_the_configured_synchronous(string? setting, long expected)
    {
        var settings = setting is null ? null : new Dictionary<string, string?> { ["Database:SqliteSynchronous"] = setting };
        await using var app = new TestApp(settings);
        var user = await app.CreateUserAsync();
        await user.CreatePersonaAsync();

        var (journalMode, synchronous) = await app.QueryAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                var connection = db.Database.GetDbConnection();
                await using var journal = connection.CreateCommand();
                journal.CommandText = "PRAGMA journal_mode;";
                await using var sync = connection.CreateCommand();
                sync.CommandText = "PRAGMA synchronous;";
                return ((string)(await journal.ExecuteScalarAsync())!, (long)(await sync.ExecuteScalarAsync())!);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(journalMode, Is.EqualTo("wal"));
            Assert.That(synchronous, Is.EqualTo(expected));
        });
    }
}
