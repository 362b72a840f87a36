using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsGraph.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RankSearchByRecencyKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The recency factor becomes whole minutes from 2025-01-01 (the same arithmetic as ArticleSearchDocumentKeys in
            // C#: integer seconds, floored), and the FTS5 index is keyed by SearchKey — the article id in the low 31 bits,
            // those minutes above — so a search walks its matches newest first and scores only the newest
            // (Search:RankingWindow) instead of all of them. The index and its triggers are re-created around the column
            // changes (SQLite rebuilds the table for a stored generated column, which would drop the triggers anyway).
            DropIndexAndTriggers(migrationBuilder);

            // Hand-written rather than EF's AddColumn/DropColumn: SQLite cannot add a stored generated column, and EF's
            // table rebuild would run after everything else here. The columns the search reads per match come before
            // the text (a column stored after Body is reached only by walking Body's overflow pages).
            migrationBuilder.Sql("""
                CREATE TABLE "ArticleSearchDocuments_New" (
                    "ArticleId" INTEGER NOT NULL CONSTRAINT "PK_ArticleSearchDocuments" PRIMARY KEY,
                    "RecencyMinutes" INTEGER NOT NULL,
                    "SearchKey" AS ("RecencyMinutes" * 2147483648 + "ArticleId") STORED,
                    "Title" TEXT NOT NULL,
                    "Summary" TEXT NULL,
                    "Body" TEXT NOT NULL,
                    "Aliases" TEXT NULL,
                    CONSTRAINT "FK_ArticleSearchDocuments_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE);
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ArticleSearchDocuments_New" ("ArticleId", "RecencyMinutes", "Title", "Summary", "Body", "Aliases")
                SELECT d."ArticleId", (m.s - ((m.s % 60 + 60) % 60)) / 60, d."Title", d."Summary", d."Body", d."Aliases"
                FROM "ArticleSearchDocuments" AS d
                JOIN (SELECT a."Id", unixepoch(coalesce(a."PublishedAt", a."CreatedAt")) - 1735689600 AS s FROM "Articles" AS a) AS m
                    ON m."Id" = d."ArticleId";
                """);
            migrationBuilder.Sql("""DROP TABLE "ArticleSearchDocuments";""");
            migrationBuilder.Sql("""ALTER TABLE "ArticleSearchDocuments_New" RENAME TO "ArticleSearchDocuments";""");
            migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_ArticleSearchDocuments_SearchKey" ON "ArticleSearchDocuments" ("SearchKey");""");

            CreateIndexAndTriggers(migrationBuilder, "SearchKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropIndexAndTriggers(migrationBuilder);

            migrationBuilder.Sql("""
                CREATE TABLE "ArticleSearchDocuments_Old" (
                    "ArticleId" INTEGER NOT NULL CONSTRAINT "PK_ArticleSearchDocuments" PRIMARY KEY,
                    "Recency" REAL NOT NULL,
                    "Title" TEXT NOT NULL,
                    "Summary" TEXT NULL,
                    "Body" TEXT NOT NULL,
                    "Aliases" TEXT NULL,
                    CONSTRAINT "FK_ArticleSearchDocuments_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE);
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ArticleSearchDocuments_Old" ("ArticleId", "Recency", "Title", "Summary", "Body", "Aliases")
                SELECT "ArticleId", pow(2.0, "RecencyMinutes" / 1051200.0), "Title", "Summary", "Body", "Aliases" FROM "ArticleSearchDocuments";
                """);
            migrationBuilder.Sql("""DROP TABLE "ArticleSearchDocuments";""");
            migrationBuilder.Sql("""ALTER TABLE "ArticleSearchDocuments_Old" RENAME TO "ArticleSearchDocuments";""");

            CreateIndexAndTriggers(migrationBuilder, "ArticleId");
        }

        private static void DropIndexAndTriggers(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "ArticleSearchDocuments_AfterUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER "ArticleSearchDocuments_AfterDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER "ArticleSearchDocuments_AfterInsert";""");
            migrationBuilder.Sql("""DROP TABLE "ArticleSearchIndex";""");
        }

        // As AddArticleSearch created them, keyed by the given column; 'rebuild' indexes every document again.
        private static void CreateIndexAndTriggers(MigrationBuilder migrationBuilder, string rowidColumn)
        {
            migrationBuilder.Sql($"""
                CREATE VIRTUAL TABLE "ArticleSearchIndex" USING fts5(
                    "Title", "Summary", "Body", "Aliases",
                    content='ArticleSearchDocuments', content_rowid='{rowidColumn}',
                    tokenize='porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "ArticleSearchDocuments_AfterInsert" AFTER INSERT ON "ArticleSearchDocuments" BEGIN
                    INSERT INTO "ArticleSearchIndex" (rowid, "Title", "Summary", "Body", "Aliases")
                    VALUES (new."{rowidColumn}", new."Title", new."Summary", new."Body", new."Aliases");
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "ArticleSearchDocuments_AfterDelete" AFTER DELETE ON "ArticleSearchDocuments" BEGIN
                    INSERT INTO "ArticleSearchIndex" ("ArticleSearchIndex", rowid, "Title", "Summary", "Body", "Aliases")
                    VALUES ('delete', old."{rowidColumn}", old."Title", old."Summary", old."Body", old."Aliases");
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "ArticleSearchDocuments_AfterUpdate" AFTER UPDATE ON "ArticleSearchDocuments" BEGIN
                    INSERT INTO "ArticleSearchIndex" ("ArticleSearchIndex", rowid, "Title", "Summary", "Body", "Aliases")
                    VALUES ('delete', old."{rowidColumn}", old."Title", old."Summary", old."Body", old."Aliases");
                    INSERT INTO "ArticleSearchIndex" (rowid, "Title", "Summary", "Body", "Aliases")
                    VALUES (new."{rowidColumn}", new."Title", new."Summary", new."Body", new."Aliases");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "ArticleSearchIndex" ("ArticleSearchIndex") VALUES ('rebuild');""");
        }
    }
}
