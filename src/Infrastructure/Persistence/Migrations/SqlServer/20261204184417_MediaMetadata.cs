using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PersonaMedia.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "has_audio",
                table: "media_files",
                type: "bit",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "height",
                table: "media_files",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "video_codec",
                table: "media_files",
                type: "varchar(4)",
                unicode: false,
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "width",
                table: "media_files",
                type: "int",
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
