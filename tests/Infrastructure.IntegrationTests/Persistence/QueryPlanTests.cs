using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PersonaMedia.Domain.Media;
using PersonaMedia.Infrastructure.Persistence;
using PersonaMedia.Infrastructure.Repositories;

namespace PersonaMedia.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The media queries as the repository sends them, asked of SQLite's planner: each must be served
/// by an index (no full scan of media_files, no temporary sort), so a page or the stats cost the
/// same with ten thousand files as with ten.
/// </summary>
public class QueryPlanTests
{
    private string _folder = string.Empty;
    private string _path = string.Empty;

    [SetUp]
    public async Task Migrate()
    {
        _folder = Directory.CreateTempSubdirectory("personamedia-plans-").FullName;
        _path = Path.Combine(_folder, "plans.db");
        await using var db = TestContexts.Sqlite(_path);
        await db.Database.MigrateAsync();
        await SeedOneFileAsync(db);
    }

    [TearDown]
    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [TestCase(null)]
    [TestCase(MediaType.Video)]
    public async Task A_page_of_a_personas_files_is_read_through_an_index_in_order(MediaType? filter)
    {
        var plans = await PlansOfAsync(repository => repository.ListByPersonaAsync(1, 1, filter, 100, 0, CancellationToken.None));

        Assert.That(plans, Has.Count.EqualTo(2), "a count and a page");
        AssertIndexed(plans);
    }

    [Test]
    public async Task Usage_stats_are_aggregated_from_an_index()
    {
        var plans = await PlansOfAsync(repository => repository.GetUsageAsync(1, CancellationToken.None));

        Assert.That(plans, Has.Count.EqualTo(1));
        AssertIndexed(plans);
        Assert.That(plans[0], Does.Contain("COVERING INDEX"), "stats read the index alone, never the rows");
    }

    private static void AssertIndexed(IReadOnlyList<string> plans)
    {
        foreach (var plan in plans)
        {
            TestContext.Out.WriteLine(plan);
            Assert.That(plan, Does.Contain("USING").And.Contain("INDEX IX_media_files_"), plan);
            Assert.That(plan, Does.Not.Contain("SCAN "), plan);
            Assert.That(plan, Does.Not.Contain("USE TEMP B-TREE"), plan);
        }
    }

    /// <summary>Runs the repository call, captures every SELECT it sends, and returns SQLite's plan for each.</summary>
    private async Task<IReadOnlyList<string>> PlansOfAsync(Func<MediaFileRepository, Task> query)
    {
        var capture = new CommandCapture();
        await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={_path}").AddInterceptors(capture).Options))
        {
            await query(new MediaFileRepository(db, Microsoft.Extensions.Options.Options.Create(new DatabaseOptions())));
        }

        await using var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync();
        var plans = new List<string>();
        foreach (var (sql, parameters) in capture.Commands)
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(3));
            }

            plans.Add(string.Join(" | ", lines));
        }

        return plans;
    }

    private static async Task SeedOneFileAsync(AppDbContext db)
    {
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO users (email, normalized_email, username, normalized_username, password_hash, created_at)
            VALUES ('a@example.com', 'A@EXAMPLE.COM', 'a', 'A', 'x', '2026-01-01 00:00:00');
            INSERT INTO personas (user_id, name, created_at, updated_at) VALUES (1, 'p', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            INSERT INTO media_files (user_id, persona_id, file_name, original_file_name, file_size, mime_type, media_type, sha256, created_at, updated_at)
            VALUES (1, 1, 'f.mp4', 'f.mp4', 1, 'video/mp4', 2, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            """);
    }

    private sealed class CommandCapture : DbCommandInterceptor
    {
        public List<(string Sql, List<(string Name, object? Value)> Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
