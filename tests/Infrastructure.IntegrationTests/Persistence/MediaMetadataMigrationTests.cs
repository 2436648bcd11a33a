using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PersonaMedia.Infrastructure.IntegrationTests.Persistence;

/// <summary>The media metadata columns arrive by migration in both sets; files stored before them read as unknown.</summary>
public class MediaMetadataMigrationTests
{
    private const string Before = "20261203060726_Issue15PendingDeletions";
    private static readonly string[] Columns = ["width", "height", "duration_seconds", "video_codec", "has_audio"];

    [Test]
    public async Task Sqlite_rows_stored_before_the_migration_get_null_metadata()
    {
        var folder = Directory.CreateTempSubdirectory("personamedia-sqlite-").FullName;
        try
        {
            var path = Path.Combine(folder, "old.db");
            await using (var db = TestContexts.Sqlite(path))
            {
                await db.GetService<IMigrator>().MigrateAsync(Before);
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO users (email, normalized_email, username, normalized_username, username_skeleton, password_hash, created_at)
                    VALUES ('old@example.com', 'OLD@EXAMPLE.COM', 'old', 'OLD', 'old', 'x', '2026-01-01 00:00:00');
                    INSERT INTO personas (user_id, name, created_at, updated_at) VALUES (1, 'p', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
                    INSERT INTO media_files (user_id, persona_id, file_name, original_file_name, file_size, mime_type, media_type, sha256, created_at, updated_at)
                    VALUES (1, 1, 'a.jpg', 'a.jpg', 10, 'image/jpeg', 1, '0000000000000000000000000000000000000000000000000000000000000000', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
                    """);
                await db.Database.MigrateAsync();

                var file = await db.MediaFiles.AsNoTracking().SingleAsync();
                Assert.That((file.Width, file.Height, file.DurationSeconds, file.VideoCodec, file.HasAudio), Is.EqualTo(((int?)null, (int?)null, (double?)null, (string?)null, (bool?)null)));
                Assert.That(file.MetadataRemoved, Is.Null, "stored before privacy stripping: what it holds is not known");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Sql_server_adds_the_columns_as_nullable()
    {
        using var db = TestContexts.SqlServer();
        var last = db.Database.GetMigrations().Single(m => m.EndsWith("_MediaMetadata", StringComparison.Ordinal));

        var script = db.GetService<IMigrator>().GenerateScript(db.Database.GetMigrations().TakeWhile(m => m != last).Last(), last);

        foreach (var column in Columns)
        {
            Assert.That(script, Does.Match($@"ALTER TABLE \[media_files\] ADD \[{column}\] [a-z]+(\(\d+\))? NULL;"), column);
        }
    }
}
