using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PersonaMedia.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UsernameSkeleton : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "username_skeleton",
                table: "users",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_users_username_skeleton",
                table: "users",
                column: "username_skeleton",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_users_username_skeleton",
                table: "users");

            migrationBuilder.DropColumn(
                name: "username_skeleton",
                table: "users");
        }
    }
}
