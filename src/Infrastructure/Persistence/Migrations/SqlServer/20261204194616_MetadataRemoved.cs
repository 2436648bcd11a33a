using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PersonaMedia.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MetadataRemoved : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "metadata_removed",
                table: "media_files",
                type: "nvarchar(400)",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "metadata_removed",
                table: "media_files");
        }
    }
}
