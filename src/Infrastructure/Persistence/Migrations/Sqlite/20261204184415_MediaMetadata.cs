using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PersonaMedia.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MediaMetadata : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "duration_seconds",
                table: "media_files",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "has_audio",
                table: "media_files",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "height",
                table: "media_files",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "video_codec",
                table: "media_files",
                type: "TEXT",
                unicode: false,
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "width",
                table: "media_files",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "duration_seconds",
                table: "media_files");

            migrationBuilder.DropColumn(
                name: "has_audio",
                table: "media_files");

            migrationBuilder.DropColumn(
                name: "height",
                table: "media_files");

            migrationBuilder.DropColumn(
                name: "video_codec",
                table: "media_files");

            migrationBuilder.DropColumn(
                name: "width",
                table: "media_files");
        }
    }
}
