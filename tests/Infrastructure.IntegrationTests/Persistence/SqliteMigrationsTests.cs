using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.Domain.Media;
using PersonaMedia.Domain.Personas;
using PersonaMedia.Domain.Users;
using PersonaMedia.Infrastructure.Persistence;

namespace PersonaMedia.Infrastructure.IntegrationTests.Persistence;

/// <summary>The SQLite migrations applied to a real database file, and the schema they leave behind.</summary>
public class SqliteMigrationsTests
{
    private static readonly DateTime Now = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private string _folder = string.Empty;
    private string _path = string.Empty;

    [SetUp]
    public async Task Migrate()
    {
        _folder = Directory.CreateTempSubdirectory("personamedia-sqlite-").FullName;
        _path = Path.Combine(_folder, "migrated.db");
        await using var db = TestContexts.Sqlite(_path);
        await db.Database.MigrateAsync();
    }

    [TearDown]
    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Migrations_create_the_tables_and_record_themselves()
    {
        var tables = await QueryAsync("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", r => r.GetString(0));
        var applied = await QueryAsync("SELECT MigrationId FROM __EFMigrationsHistory", r => r.GetString(0));
        await using var db = TestContexts.Sqlite(_path);

        string[] expected = ["__EFMigrationsHistory", "media_files", "personas", "users"];
        Assert.That(tables, Is.SupersetOf(expected));
        Assert.That(applied, Is.EqualTo(db.Database.GetMigrations()));
        Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
    }

    [TestCase("users")]
    [TestCase("personas")]
    [TestCase("media_files")]
    public async Task Ids_are_autoincrement(string table)
    {
        var sql = await QueryAsync($"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}'", r => r.GetString(0));

        Assert.That(sql.Single(), Does.Contain("\"id\" INTEGER NOT NULL CONSTRAINT \"PK_" + table + "\" PRIMARY KEY AUTOINCREMENT"));
    }

    [Test]
    public async Task Ids_are_not_reused_after_the_newest_row_is_deleted()
    {
        await using var db = TestContexts.Sqlite(_path);
        var (user, persona, file) = await AddUserPersonaAndFileAsync(db, "first");

        // Deleting the newest rows is what would hand their ids out again without AUTOINCREMENT.
        await db.MediaFiles.ExecuteDeleteAsync();
        await db.Personas.ExecuteDeleteAsync();
        await db.Users.ExecuteDeleteAsync();
        db.ChangeTracker.Clear();
        var (nextUser, nextPersona, nextFile) = await AddUserPersonaAndFileAsync(db, "second");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(nextUser.Id, Is.GreaterThan(user.Id));
            Assert.That(nextPersona.Id, Is.GreaterThan(persona.Id));
            Assert.That(nextFile.Id, Is.GreaterThan(file.Id));
        }
    }

    [TestCase("IX_media_files_persona_id_created_at_id", "persona_id", "created_at DESC", "id DESC")]
    [TestCase("IX_media_files_persona_id_media_type_created_at_id", "persona_id", "media_type", "created_at DESC", "id DESC")]
    [TestCase("IX_media_files_user_id_persona_id_media_type_file_size", "user_id", "persona_id", "media_type", "file_size")]
    [TestCase("IX_personas_user_id", "user_id")]
    [TestCase("IX_users_normalized_email", "normalized_email")]
    [TestCase("IX_users_normalized_username", "normalized_username")]
    public async Task Index_has_its_columns_in_order(string index, params string[] columns)
    {
        var actual = await QueryAsync(
            $"SELECT name, \"desc\" FROM pragma_index_xinfo('{index}') WHERE key = 1 ORDER BY seqno",
            r => r.GetInt64(1) == 1 ? r.GetString(0) + " DESC" : r.GetString(0));

        Assert.That(actual, Is.EqualTo(columns));
    }

    [TestCase("IX_users_normalized_email")]
    [TestCase("IX_users_normalized_username")]
    public async Task Normalized_email_and_username_are_unique(string index)
    {
        var unique = await QueryAsync($"SELECT \"unique\" FROM pragma_index_list('users') WHERE name = '{index}'", r => r.GetInt64(0));

        Assert.That(unique, Has.Exactly(1).Items.And.All.EqualTo(1L));
    }

    [Test]
    public async Task Duplicate_normalized_email_is_refused_by_the_database()
    {
        await using var db = TestContexts.Sqlite(_path);
        db.Users.Add(NewUser("Same@example.com", "one"));
        await db.SaveChangesAsync();
        db.Users.Add(NewUser("same@EXAMPLE.com", "two"));

        await Assert.ThrowsAsync<Application.Common.Exceptions.UniqueConstraintException>(() => db.SaveChangesAsync());
    }

    [TestCase("personas", "users", "user_id", "CASCADE")]
    [TestCase("media_files", "personas", "persona_id", "CASCADE")]
    [TestCase("media_files", "users", "user_id", "RESTRICT")]
    public async Task Foreign_key_has_its_delete_action(string table, string principal, string column, string onDelete)
    {
        var keys = await QueryAsync(
            $"SELECT \"table\", \"from\", on_delete FROM pragma_foreign_key_list('{table}')",
            r => (r.GetString(0), r.GetString(1), r.GetString(2)));

        Assert.That(keys, Has.One.EqualTo((principal, column, onDelete)));
    }

    [Test]
    public async Task Deleting_a_persona_deletes_its_media_rows()
    {
        await using var db = TestContexts.Sqlite(_path);
        var (_, persona, _) = await AddUserPersonaAndFileAsync(db, "owner");

        await db.Personas.Where(p => p.Id == persona.Id).ExecuteDeleteAsync();

        Assert.That(await db.MediaFiles.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Times_come_back_as_the_same_utc_instant()
    {
        await using (var db = TestContexts.Sqlite(_path))
        {
            await AddUserPersonaAndFileAsync(db, "timely");
        }

        await using var read = TestContexts.Sqlite(_path);
        var file = await read.MediaFiles.AsNoTracking().SingleAsync();

        Assert.That(file.CreatedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
        Assert.That(file.CreatedAt, Is.EqualTo(Now));
    }

    private static User NewUser(string email, string username)
    {
        var user = User.Register(email, username, username.ToLowerInvariant(), null, "hash", Now);
        return user;
    }

    private static async Task<(User, Persona, MediaFile)> AddUserPersonaAndFileAsync(AppDbContext db, string name)
    {
        var user = NewUser($"{name}@example.com", name);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        var persona = Persona.Create(user.Id, "Persona", null, null, Now);
        db.Personas.Add(persona);
        await db.SaveChangesAsync();
        var file = MediaFile.Create(
            user.Id, persona.Id, MediaFile.NewFileName(MediaFormat.Png), "photo.png", MediaFormat.Png,
            fileSize: 1024, sha256: new string('a', MediaFile.Sha256HexLength), description: null, Now);
        db.MediaFiles.Add(file);
        await db.SaveChangesAsync();
        return (user, persona, file);
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read)
    {
        await using var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
