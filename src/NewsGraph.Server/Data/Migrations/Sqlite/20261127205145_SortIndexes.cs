using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_CreatedAt_Id",
                table: "Articles",
                columns: new[] { "Status", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_WordCount_Id",
                table: "Articles",
                columns: new[] { "Status", "WordCount", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_CreatedAt_Id",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_WordCount_Id",
                table: "Articles");
        }
    }
}
