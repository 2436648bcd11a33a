using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The thumbnail state arrives by migration in both sets: images stored before it whose size is known
/// wait for the worker's first sweep; videos and images of unknown size have none.
/// </summary>
public class ThumbnailStateMigrationTests
{
    private const string Before = "20261204200437_TokenLifecycle";

    [Test]
    public async Task Sqlite_images_of_known_size_stored_before_the_migration_are_pending_and_the_rest_have_none()
    {
        var folder = Directory.CreateTempSubdirectory("personamedia-sqlite-").FullName;
        try
        {
            await using var db = TestContexts.Sqlite(Path.Combine(folder, "old.db"));
            await db.GetService<IMigrator>().MigrateAsync(Before);
            const string hash = "0000000000000000000000000000000000000000000000000000000000000000";
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO users (email, normalized_email, username, normalized_username, username_skeleton, password_hash, created_at)
                VALUES ('old@example.com', 'OLD@EXAMPLE.COM', 'old', 'OLD', 'old', 'x', '2026-01-01 00:00:00');
                INSERT INTO personas (user_id, name, created_at, updated_at) VALUES (1, 'p', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
                INSERT INTO media_files (user_id, persona_id, file_name, original_file_name, file_size, mime_type, media_type, sha256, width, height, created_at, updated_at)
                VALUES (1, 1, 'a.jpg', 'a.jpg', 10, 'image/jpeg', 1, '{hash}', 640, 480, '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
                       (1, 1, 'b.jpg', 'b.jpg', 10, 'image/jpeg', 1, '{hash}', NULL, NULL, '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
                       (1, 1, 'c.mp4', 'c.mp4', 10, 'video/mp4', 2, '{hash}', 640, 480, '2026-01-01 00:00:00', '2026-01-01 00:00:00');
                """);

            await db.Database.MigrateAsync();

            var states = await db.MediaFiles.AsNoTracking().OrderBy(f => f.Id).Select(f => f.ThumbnailState).ToListAsync();
            Assert.That(states, Is.EqualTo(new[] { ThumbnailState.Pending, ThumbnailState.None, ThumbnailState.None }));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Sql_server_adds_the_column_marks_old_images_pending_and_indexes_only_the_pending()
    {
        using var db = TestContexts.SqlServer();
        var last = db.Database.GetMigrations().Single(m => m.EndsWith("_ThumbnailState", StringComparison.Ordinal));

        var script = db.GetService<IMigrator>().GenerateScript(db.Database.GetMigrations().TakeWhile(m => m != last).Last(), last);

        Assert.That(script, Does.Contain("ALTER TABLE [media_files] ADD [thumbnail_state] int NOT NULL DEFAULT 0;"));
        Assert.That(script, Does.Contain("UPDATE media_files SET thumbnail_state = 1 WHERE media_type = 1 AND width IS NOT NULL"));
        Assert.That(script, Does.Contain("CREATE INDEX [IX_media_files_thumbnail_state_id] ON [media_files] ([thumbnail_state], [id]) WHERE thumbnail_state = 1;"));
    }
}
