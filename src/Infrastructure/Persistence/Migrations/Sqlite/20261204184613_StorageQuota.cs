using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PersonaMedia.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StorageQuota : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "used_bytes",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Accounts that already hold files start from what their rows add up to.
            migrationBuilder.Sql(
                "UPDATE users SET used_bytes = (SELECT COALESCE(SUM(f.file_size), 0) FROM media_files f WHERE f.user_id = users.id);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "used_bytes",
                table: "users");
        }
    }
}
