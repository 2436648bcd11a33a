using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PersonaMedia.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonaDeletionInBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "deletion_started_at",
                table: "personas",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "deletion_started_at",
                table: "personas");
        }
    }
}
