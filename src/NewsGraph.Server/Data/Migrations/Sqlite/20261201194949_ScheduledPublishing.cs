using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScheduledPublishing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ScheduledFor",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_ScheduledFor",
                table: "Articles",
                columns: new[] { "Status", "ScheduledFor" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_ScheduledFor",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ScheduledFor",
                table: "Articles");
        }
    }
}
