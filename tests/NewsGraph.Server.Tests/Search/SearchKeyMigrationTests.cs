using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Search;

/// <summary>
/// A database indexed before search documents had a <c>SearchKey</c> (migration AddArticleSearch) migrates to it: the
/// hand-written SQL computes the same recency minutes as the C# that writes new documents, and the index answers.
/// </summary>
public sealed class SearchKeyMigrationTests
{
    [Fact]
    public async Task Documents_written_before_the_search_key_get_the_minutes_CSharp_computes_and_stay_searchable()
    {
        await using var database = await NewsTestDatabase.CreateEmptyAsync();
        // Around the epoch and the minute boundaries, where a floor done wrong would be one minute off.
        DateTime[] dates =
        [
            new(2024, 12, 31, 23, 59, 30, DateTimeKind.Utc),
            new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            new(2026, 6, 1, 12, 34, 59, 999, DateTimeKind.Utc),
            new(1999, 3, 7, 8, 0, 0, DateTimeKind.Utc),
            new(2031, 11, 2, 23, 1, 0, DateTimeKind.Utc),
        ];
        var ids = new List<int>();
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("AddArticleSearch");
            var author = new Author { Slug = "a", Name = "A" };
            var category = new Category { Slug = "c", Name = "C" };
            db.AddRange(author, category);
            await db.SaveChangesAsync();

            // Articles as the schema of that migration holds them (later migrations add columns the model knows).
            foreach (var (date, index) in dates.Select((date, index) => (date, index)))
            {
                var id = index + 1;
                var draft = index == 4;
                await db.Database.ExecuteSqlRawAsync(
                    """
                    INSERT INTO "Articles" ("Id", "Slug", "Title", "Summary", "Body", "Status", "IsBreaking", "PublishedAt", "CreatedAt",
                        "UpdatedAt", "WordCount", "ReadingTimeMinutes", "Version", "AuthorId", "CategoryId")
                    VALUES ({0}, {1}, {2}, NULL, 'Axolotls regrow limbs.', {3}, FALSE, PUBLISHED, {4}, {4}, 3, 1, 1, {5}, {6})
                    """.Replace("PUBLISHED", draft ? "NULL" : "{4}", StringComparison.Ordinal),
                    id, $"axolotl-{index}", $"Axolotl report {index}", (int)(draft ? ArticleStatus.Draft : ArticleStatus.Published),
                    date, author.Id, category.Id);
                await db.Database.ExecuteSqlRawAsync(
                    """INSERT INTO "ArticleSearchDocuments" ("ArticleId", "Recency", "Title", "Summary", "Body", "Aliases") VALUES ({0}, 1.0, {1}, NULL, 'Axolotls regrow limbs.', NULL)""",
                    id, $"Axolotl report {index}");
                ids.Add(id);
            }

            await db.Database.MigrateAsync();
        }

        await using (var db = database.CreateContext())
        {
            var documents = await db.Set<ArticleSearchDocument>().IgnoreQueryFilters().OrderBy(d => d.ArticleId).ToListAsync();
            Assert.Equal(ids, documents.Select(d => d.ArticleId));
            foreach (var (document, date) in documents.Zip(dates))
            {
                var minutes = ArticleSearchDocumentKeys.RecencyMinutesOf(date);
                Assert.Equal(minutes, document.RecencyMinutes);
                Assert.Equal(ArticleSearchDocumentKeys.SearchKeyOf(minutes, document.ArticleId), document.SearchKey);
            }

            Assert.Equal(-1, documents[0].RecencyMinutes);
        }

        await using var server = await NewsGraphServer.StartAsync(database: database);
        var found = (await server.PostAsync("""query { searchArticles(query: "axolotl", first: 10) { nodes { article { slug } } } }"""))
            .SuccessfulData()["searchArticles"]!["nodes"]!.AsArray().Select(node => (string)node!["article"]!["slug"]!).Order().ToList();
        Assert.Equal(["axolotl-0", "axolotl-1", "axolotl-2", "axolotl-3"], found);
    }
}
