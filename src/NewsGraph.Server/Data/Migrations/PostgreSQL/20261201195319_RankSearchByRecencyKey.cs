using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Server.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class RankSearchByRecencyKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The recency factor becomes whole minutes from 2025-01-01 (the same arithmetic as ArticleSearchDocumentKeys in
            // C#, exact in numeric), and SearchKey puts the documents in the order of their dates, so a search can take its
            // newest matches from an index instead of scoring them all (Search:RankingWindow).
            migrationBuilder.AddColumn<int>(
                name: "RecencyMinutes",
                table: "ArticleSearchDocuments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("""
                UPDATE "ArticleSearchDocuments" AS d
                SET "RecencyMinutes" = floor(extract(epoch FROM coalesce(a."PublishedAt", a."CreatedAt") - timestamptz '2025-01-01 00:00:00+00') / 60)::integer
                FROM "Articles" AS a
                WHERE a."Id" = d."ArticleId";
                """);

            migrationBuilder.AddColumn<long>(
                name: "SearchKey",
                table: "ArticleSearchDocuments",
                type: "bigint",
                nullable: false,
                computedColumnSql: "\"RecencyMinutes\" * 2147483648 + \"ArticleId\"",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArticleSearchDocuments_SearchKey",
                table: "ArticleSearchDocuments",
                column: "SearchKey",
                unique: true);

            migrationBuilder.DropColumn(
                name: "Recency",
                table: "ArticleSearchDocuments");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Recency",
                table: "ArticleSearchDocuments",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.Sql("""UPDATE "ArticleSearchDocuments" SET "Recency" = power(2::double precision, "RecencyMinutes"::double precision / 1051200);""");

            migrationBuilder.DropIndex(
                name: "IX_ArticleSearchDocuments_SearchKey",
                table: "ArticleSearchDocuments");

            migrationBuilder.DropColumn(
                name: "SearchKey",
                table: "ArticleSearchDocuments");

            migrationBuilder.DropColumn(
                name: "RecencyMinutes",
                table: "ArticleSearchDocuments");
        }
    }
}
