using System.Data;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;
using PersonaMedia.Domain.Personas;
using PersonaMedia.Infrastructure.Identity;
using PersonaMedia.Infrastructure.Persistence;
using PersonaMedia.Infrastructure.Quota;
using PersonaMedia.Infrastructure.Repositories;

namespace PersonaMedia.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// Every query the repositories send, translated by the SQL Server provider without a server: the
/// context's connection is never opened (an interceptor answers in its place), so each command
/// is exactly what SQL Server would receive. The text is kept in <c>SqlServerQueries.sql</c>, a
/// reviewed snapshot: a LINQ change that SQL Server cannot translate fails here, and one that
/// translates differently shows as a diff to review (the new text is written beside the snapshot
/// as <c>SqlServerQueries.received.sql</c>).
/// </summary>
public class SqlServerQueryTranslationTests
{
    private static readonly string SnapshotPath = Path.Combine(
        RepositoryRoot(), "tests", "Infrastructure.IntegrationTests", "Persistence", "SqlServerQueries.sql");

    private static readonly IOptions<DatabaseOptions> Settings = Options.Create(new DatabaseOptions { DeleteBatchSize = 1000 });

    /// <summary>Asks the database every time, so every read is sent and captured.</summary>
    private static readonly SecurityStampCache NoStampCache = new(Options.Create(new JwtOptions { SecurityStampCacheSeconds = 0 }));

    /// <summary>Every repository read, by name; a repository method missing here fails <see cref="Every_repository_read_is_in_the_snapshot"/>.</summary>
    private static readonly (string Name, Func<AppDbContext, Task> Run)[] Reads =
    [
        ("MediaFileRepository.FindOwnedAsync", db => new MediaFileRepository(db, Settings).FindOwnedAsync(1, 2, default)),
        ("MediaFileRepository.FindOwnedDtoAsync", db => new MediaFileRepository(db, Settings).FindOwnedDtoAsync(1, 2, default)),
        ("MediaFileRepository.FindDtoAsync", db => new MediaFileRepository(db, Settings).FindDtoAsync(2, default)),
        ("MediaFileRepository.ListByPersonaAsync (all types)", db => new MediaFileRepository(db, Settings).ListByPersonaAsync(1, 2, null, 20, 0, default)),
        ("MediaFileRepository.ListByPersonaAsync (one type)", db => new MediaFileRepository(db, Settings).ListByPersonaAsync(1, 2, MediaType.Video, 20, 0, default)),
        ("MediaFileRepository.SaveIfUnchangedAsync", db => new MediaFileRepository(db, Settings).SaveIfUnchangedAsync(AFile(), Earlier, default)),
        ("MediaFileRepository.ListStorageKeysOfPersonaAsync", db => new MediaFileRepository(db, Settings).ListStorageKeysOfPersonaAsync(1, 2, default)),
        ("MediaFileRepository.GetUsageAsync", db => new MediaFileRepository(db, Settings).GetUsageAsync(1, default)),
        ("PersonaRepository.FindOwnedAsync", db => new PersonaRepository(db).FindOwnedAsync(1, 2, default)),
        ("PersonaRepository.FindOwnedDtoAsync", db => new PersonaRepository(db).FindOwnedDtoAsync(1, 2, default)),
        ("PersonaRepository.SaveIfUnchangedAsync", db => new PersonaRepository(db).SaveIfUnchangedAsync(APersona(), Earlier, default)),
        ("PersonaRepository.ExistsOwnedAsync", db => new PersonaRepository(db).ExistsOwnedAsync(1, 2, default)),
        ("PersonaRepository.StillExistsAsync", db => new PersonaRepository(db).StillExistsAsync(1, 2, default)),
        ("PersonaRepository.ListOwnedAsync", db => new PersonaRepository(db).ListOwnedAsync(1, default)),
        ("MediaFileRepository.RemoveBatchOfPersonaAsync", db => new MediaFileRepository(db, Settings).RemoveBatchOfPersonaAsync(1, 2, default)),
        ("PersonaRepository.StartDeletionAsync", db => new PersonaRepository(db).StartDeletionAsync(1, 2, Earlier, default)),
        ("PersonaRepository.FindBeingDeletedAsync", db => new PersonaRepository(db).FindBeingDeletedAsync(2, default)),
        ("PersonaRepository.ListStalledDeletionsAsync", db => new PersonaRepository(db).ListStalledDeletionsAsync(Earlier, 100, default)),
        ("UploadIdempotencyKeyRepository.FindAsync", db => new UploadIdempotencyKeyRepository(db).FindAsync(1, "Key-1", default)),
        ("UploadIdempotencyKeyRepository.RemoveIfExpiredAsync", db => new UploadIdempotencyKeyRepository(db).RemoveIfExpiredAsync(1, "Key-1", Earlier, default)),
        ("UploadIdempotencyKeyRepository.RemoveExpiredAsync", db => new UploadIdempotencyKeyRepository(db).RemoveExpiredAsync(Earlier, 1000, default)),
        ("PendingDeletionRepository.ListDueAsync", db => new PendingDeletionRepository(db).ListDueAsync(Earlier, 100, default)),
        ("PendingDeletionRepository.CountAsync", db => new PendingDeletionRepository(db).CountAsync(default)),
        ("UserRepository.FindByEmailAsync", db => new UserRepository(db, NoStampCache).FindByEmailAsync("Ada@Example.com", default)),
        ("UserRepository.FindDtoAsync", db => new UserRepository(db, NoStampCache).FindDtoAsync(1, default)),
        ("UserRepository.FindAsync", db => new UserRepository(db, NoStampCache).FindAsync(1, default)),
        ("UserRepository.GetSecurityStampAsync", db => new UserRepository(db, NoStampCache).GetSecurityStampAsync(1, default)),
        ("RefreshTokenRepository.FindByHashAsync", db => new RefreshTokenRepository(db).FindByHashAsync(new string('a', 64), default)),
        // A rotation and every revocation are transactions of these statements (the capture opens no
        // connection, so no transaction): the account's row lock first, then the change.
        ("RefreshTokenRepository.RotateAsync (1: the account's row lock, while its stamp is the token's)",
            db => RefreshTokenRepository.LockAccountAsync(db, 1, new string('a', 32), default)),
        ("RefreshTokenRepository.RotateAsync (2: the token used up, if still usable)", db => RefreshTokenRepository.UseAsync(db, 1, Earlier, default)),
        ("RefreshTokenRepository.RevokeFamilyAsync (1: the account's row lock)", db => RefreshTokenRepository.LockAccountAsync(db, 1, null, default)),
        ("RefreshTokenRepository.RevokeFamilyAsync (2)", db => RefreshTokenRepository.RevokeFamilyStatementAsync(db, Guid.Empty, Earlier, default)),
        ("RefreshTokenRepository.RevokeAllOfUserAsync (2, after the lock)", db => RefreshTokenRepository.RevokeAllOfUserStatementAsync(db, 1, Earlier, default)),
        ("UserRepository.IsTakenAsync", db => new UserRepository(db, NoStampCache).IsTakenAsync("Ada@Example.com", "ada", "ada", default)),
        ("StorageQuota.GetUsedBytesAsync", db => new StorageQuota(db, Options.Create(new StorageQuotaOptions())).GetUsedBytesAsync(1, default)),
        ("StorageUsage.ApplyAsync (a persona deleted, a file deleted, a file added)", CountUsageAsync),
    ];

    private static readonly DateTime Earlier = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);


    [Test]
    public async Task A_conditional_update_checks_the_version_in_the_same_statement_that_writes()
    {
        var commands = await CaptureAsync(db => new PersonaRepository(db).SaveIfUnchangedAsync(APersona(), Earlier, default));

        Assert.That(commands.Single(), Does.StartWith("UPDATE [p]").And.Contain("[p].[id] = @").And.Contain("[p].[updated_at] = @"));
    }

    [Test]
    public async Task Every_repository_query_translates_to_the_reviewed_sql()
    {
        var text = new StringBuilder();
        foreach (var (name, run) in Reads)
        {
            text.Append("-- ").Append(name).Append('\n');
            foreach (var command in await CaptureAsync(run))
            {
                text.Append(command.ReplaceLineEndings("\n").TrimEnd()).Append(";\n");
            }

            text.Append('\n');
        }

        var actual = text.ToString();
        var expected = File.Exists(SnapshotPath) ? (await File.ReadAllTextAsync(SnapshotPath)).ReplaceLineEndings("\n") : string.Empty;
        var received = Path.ChangeExtension(SnapshotPath, ".received.sql");
        if (actual != expected)
        {
            await File.WriteAllTextAsync(received, actual);
            Assert.Fail($"The SQL Server translation changed. Review {received} against {SnapshotPath} and, if right, copy it over the snapshot.");
        }

        File.Delete(received);
    }

    [Test]
    public void Every_repository_read_is_in_the_snapshot()
    {
        var covered = Reads.Select(r => r.Name.Split(' ')[0]).ToHashSet();
        var reads = new[] { typeof(IMediaFileRepository), typeof(IPersonaRepository), typeof(IUserRepository), typeof(IPendingDeletionRepository),
                typeof(IRefreshTokenRepository), typeof(IUploadIdempotencyKeyRepository) }
            .SelectMany(port => port.GetMethods().Where(m => typeof(Task).IsAssignableFrom(m.ReturnType))
                .Select(m => $"{port.Name[1..]}.{m.Name}"));

        Assert.That(reads, Is.SubsetOf(covered), "add the new query to Reads, so SQL Server's translation of it is reviewed");
    }

    [Test]
    public async Task A_page_is_ordered_by_a_unique_key_so_offset_paging_is_stable()
    {
        var commands = await CaptureAsync(db => new MediaFileRepository(db, Settings).ListByPersonaAsync(1, 2, null, 20, 40, default));

        Assert.That(commands, Has.Count.EqualTo(2), "a count, then the page");
        Assert.That(commands[1], Does.Contain("ORDER BY [m].[created_at] DESC, [m].[id] DESC")
            .And.Contain("OFFSET @").And.Contain("ROWS FETCH NEXT @"));
    }

    [Test]
    public async Task A_persona_deletion_removes_rows_in_bounded_statements_and_live_personas_only_are_found()
    {
        var select = await CaptureAsync(db => new MediaFileRepository(db, Settings).RemoveBatchOfPersonaAsync(1, 2, default));
        var batch = await CaptureAsync(db => MediaFileRepository.RemoveFilesAsync(db, 1, [3, 4], default));
        var mark = await CaptureAsync(db => new PersonaRepository(db).StartDeletionAsync(1, 2, Earlier, default));
        var exists = await CaptureAsync(db => new PersonaRepository(db).ExistsOwnedAsync(1, 2, default));

        Assert.That(select.Single(), Does.StartWith("SELECT TOP(@").And.Contain("[m].[persona_id] = @personaId"), "one bounded batch at a time");
        Assert.That(batch, Has.Count.EqualTo(2));
        Assert.That(batch[0], Does.StartWith("UPDATE [u]").And.Contain("[used_bytes] - (").And.Contain("SUM([m].[file_size])"),
            "the user's stored bytes go down by what is left of the batch");
        Assert.That(batch[1], Does.StartWith("DELETE FROM [m]"), "then the batch's rows go");
        Assert.That(mark.Single(), Does.StartWith("UPDATE [p]").And.Contain("[p].[deletion_started_at] IS NULL"), "of two DELETEs one marks it");
        Assert.That(exists.Single(), Does.Contain("[p].[deletion_started_at] IS NULL"), "a persona being deleted is gone");
    }

    [Test]
    public async Task The_usage_stats_are_one_aggregate_statement_in_the_database()
    {
        var commands = await CaptureAsync(db => new MediaFileRepository(db, Settings).GetUsageAsync(1, default));

        Assert.That(commands, Has.Count.EqualTo(1));
        Assert.That(commands[0], Does.Contain("GROUP BY [m].[persona_id], [m].[media_type]")
            .And.Contain("COUNT(*)").And.Contain("SUM([m].[file_size])"));
    }

    [Test]
    public async Task Taken_email_username_and_skeleton_are_decided_by_the_database_collation_in_one_statement()
    {
        var commands = await CaptureAsync(db => new UserRepository(db, NoStampCache).IsTakenAsync("a@example.com", "a", "a", default));

        Assert.That(commands, Has.Count.EqualTo(1));
        Assert.That(commands[0], Does.Contain("[u].[normalized_email] = @").And.Contain("[u].[normalized_username] = @")
            .And.Contain("[u].[username_skeleton] = @"),
            "SQL Server compares, under the collation its unique indexes use");
    }

    [Test]
    public async Task The_compiled_persona_query_follows_the_provider_of_the_context_it_runs_on()
    {
        var folder = Directory.CreateTempSubdirectory("personamedia-compiled-").FullName;
        try
        {
            // Run first on SQLite, then on SQL Server in the same process: a query compiled once for the
            // abstract context would refuse the second model; compiled per provider context, each gets its own SQL.
            await using (var sqlite = TestContexts.Sqlite(Path.Combine(folder, "compiled.db")))
            {
                await sqlite.Database.MigrateAsync();
                Assert.That(await new PersonaRepository(sqlite).ExistsOwnedAsync(1, 2, default), Is.False);
            }

            var commands = await CaptureAsync(db => new PersonaRepository(db).ExistsOwnedAsync(1, 2, default));

            Assert.That(commands.Single(), Does.Contain("CAST(1 AS bit)").And.Contain("[personas] AS [p]"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Times_are_datetime2_on_sql_server_which_keeps_every_tick_of_a_DateTime()
    {
        // datetime2 (precision 7) stores 100 ns units, the resolution of DateTime.Ticks, so a value
        // written and read back is the same value: Last-Modified (whole seconds of updated_at) and the
        // ETag (the content's SHA-256) are the same before and after a reload. datetime would round to 1/300 s.
        using var db = TestContexts.SqlServer();
        var columns = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?))
            .Select(p => (Name: $"{p.DeclaringType.GetTableName()}.{p.GetColumnName()}", Type: p.GetColumnType()))
            .ToList();

        Assert.That(columns.Select(c => c.Name), Does.Contain("media_files.created_at").And.Contain("personas.updated_at"));
        Assert.That(columns.Select(c => c.Type), Is.All.EqualTo("datetime2"), string.Join(", ", columns));
    }

    [Test]
    public async Task An_insert_is_counted_by_one_conditional_update_whose_row_count_decides()
    {
        var commands = await CaptureAsync(CountUsageAsync);

        Assert.That(commands, Has.Some.StartsWith("UPDATE [u]").And.Contain("[u].[used_bytes] + @").And.Contain("<= @"));
    }

    private static Task CountUsageAsync(AppDbContext db)
    {
        // Rows as read from the database (ids given), then removed; and a new file.
        var persona = db.Personas.Attach(APersona());
        persona.Property(p => p.Id).CurrentValue = 2;
        persona.State = EntityState.Deleted;
        var file = db.MediaFiles.Attach(AFile());
        file.Property(f => f.Id).CurrentValue = 3;
        file.State = EntityState.Deleted;
        db.MediaFiles.Add(AFile());
        return StorageUsage.Of(db.ChangeTracker).ApplyAsync(db, 1000, default);
    }

    private static Persona APersona() => Persona.Create(1, "Grace", null, "friend", Earlier.AddMinutes(1));

    private static MediaFile AFile() => MediaFile.Create(
        1, 2, "0123456789abcdef0123456789abcdef.jpg", "a.jpg", MediaFormat.Jpeg, 10, new string('a', 64), "d", Earlier.AddMinutes(1));

    /// <summary>The commands a repository call sends to SQL Server, captured without opening a connection.</summary>
    private static async Task<List<string>> CaptureAsync(Func<AppDbContext, Task> run)
    {
        var capture = new NoServer();
        await using var db = new SqlServerAppDbContext(new DbContextOptionsBuilder<SqlServerAppDbContext>()
            .UseSqlServer(TestContexts.UnreachableSqlServer)
            .AddInterceptors(capture)
            .Options);
        await run(db);
        return capture.Commands;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PersonaMedia.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PersonaMedia.sln not found above the test assembly.");
    }

    /// <summary>
    /// Stands in for the server: the connection is never opened, each command is recorded and
    /// answered with the smallest result EF accepts (a count of 1000, a false EXISTS, no rows).
    /// </summary>
    private sealed class NoServer : DbConnectionInterceptor, IDbCommandInterceptor
    {
        public List<string> Commands { get; } = [];

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
            DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(Answer(command.CommandText)));
        }

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(0));
        }

        private static DataTableReader Answer(string sql)
        {
            var table = new DataTable();
            if (sql.StartsWith("SELECT COUNT(*)", StringComparison.Ordinal))
            {
                table.Columns.Add("count", typeof(int));
                table.Rows.Add(1000);
            }
            else if (sql.Contains("WHEN EXISTS", StringComparison.Ordinal))
            {
                table.Columns.Add("exists", typeof(bool));
                table.Rows.Add(false);
            }

            return table.CreateDataReader();
        }
    }
}
