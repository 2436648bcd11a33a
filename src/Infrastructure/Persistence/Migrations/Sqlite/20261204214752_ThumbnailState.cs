using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PersonaMedia.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ThumbnailState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "thumbnail_state",
                table: "media_files",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Images stored before the worker existed get theirs from its first sweep (1 = pending; image = 1).
            migrationBuilder.Sql("UPDATE media_files SET thumbnail_state = 1 WHERE media_type = 1 AND width IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_media_files_thumbnail_state_id",
                table: "media_files",
                columns: new[] { "thumbnail_state", "id" },
                filter: "thumbnail_state = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_media_files_thumbnail_state_id",
                table: "media_files");

            migrationBuilder.DropColumn(
                name: "thumbnail_state",
                table: "media_files");
        }
    }
}
