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
            foreach (var (date, index) in dates.Select((date, index) => (date, index)))
            {
                var article = new Article
                {
                    Slug = $"axolotl-{index}", Title = $"Axolotl report {index}", Body = "Axolotls regrow limbs.",
                    Status = index == 4 ? ArticleStatus.Draft : ArticleStatus.Published,
                    PublishedAt = index == 4 ? null : date, CreatedAt = date, UpdatedAt = date, Author = author, Category = category,
                };
                db.Add(article);
                await db.SaveChangesAsync();
                ids.Add(article.Id);
                await db.Database.ExecuteSqlRawAsync(
                    """INSERT INTO "ArticleSearchDocuments" ("ArticleId", "Recency", "Title", "Summary", "Body", "Aliases") VALUES ({0}, 1.0, {1}, NULL, {2}, NULL)""",
                    article.Id, article.Title, article.Body);
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
