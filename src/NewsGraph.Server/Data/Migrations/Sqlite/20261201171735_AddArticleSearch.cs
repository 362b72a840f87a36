using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddArticleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArticleSearchDocuments",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    // Before the text: a search reads Recency for every match, and a column stored after Body can only be
                    // reached by walking the Body's overflow pages (bench/README.md, `search`).
                    Recency = table.Column<double>(type: "REAL", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Aliases = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleSearchDocuments", x => x.ArticleId);
                    table.ForeignKey(
                        name: "FK_ArticleSearchDocuments_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Hand-written: the full-text index, an FTS5 table over the documents (external content: the text is
            // stored once, in ArticleSearchDocuments), kept in step by triggers inside every writing transaction.
            // Porter stems English words; unicode61 folds case and, with remove_diacritics 2, accents (zurich = Zürich).
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ArticleSearchIndex" USING fts5(
                    "Title", "Summary", "Body", "Aliases",
                    content='ArticleSearchDocuments', content_rowid='ArticleId',
                    tokenize='porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ArticleSearchDocuments_AfterInsert" AFTER INSERT ON "ArticleSearchDocuments" BEGIN
                    INSERT INTO "ArticleSearchIndex" (rowid, "Title", "Summary", "Body", "Aliases")
                    VALUES (new."ArticleId", new."Title", new."Summary", new."Body", new."Aliases");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ArticleSearchDocuments_AfterDelete" AFTER DELETE ON "ArticleSearchDocuments" BEGIN
                    INSERT INTO "ArticleSearchIndex" ("ArticleSearchIndex", rowid, "Title", "Summary", "Body", "Aliases")
                    VALUES ('delete', old."ArticleId", old."Title", old."Summary", old."Body", old."Aliases");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ArticleSearchDocuments_AfterUpdate" AFTER UPDATE ON "ArticleSearchDocuments" BEGIN
                    INSERT INTO "ArticleSearchIndex" ("ArticleSearchIndex", rowid, "Title", "Summary", "Body", "Aliases")
                    VALUES ('delete', old."ArticleId", old."Title", old."Summary", old."Body", old."Aliases");
                    INSERT INTO "ArticleSearchIndex" (rowid, "Title", "Summary", "Body", "Aliases")
                    VALUES (new."ArticleId", new."Title", new."Summary", new."Body", new."Aliases");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "ArticleSearchDocuments_AfterUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER "ArticleSearchDocuments_AfterDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER "ArticleSearchDocuments_AfterInsert";""");
            migrationBuilder.Sql("""DROP TABLE "ArticleSearchIndex";""");
            migrationBuilder.DropTable(
                name: "ArticleSearchDocuments");
        }
    }
}
