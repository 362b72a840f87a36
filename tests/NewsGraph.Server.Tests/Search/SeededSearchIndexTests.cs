using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Cli;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.Mutations;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Search;

/// <summary>What the seed command writes is searchable (runs the seed command: see <see cref="SeedCommandRuns"/>).</summary>
[Collection(SeedCommandRuns.Name)]
public sealed class SeededSearchIndexTests
{
    // The seeder indexes each batch in one statement (SQLite: its insert trigger set aside for the batch): every seeded
    // article is found, and articles written afterwards are indexed by the trigger again.
    [Fact]
    public async Task Seeded_articles_are_indexed_and_later_writes_still_are()
    {
        await using var database = await NewsTestDatabase.CreateEmptyAsync();
        Assert.Equal(0, await NewsGraphCommandLine.TryRunAsync(
            ["seed", "--articles", "120", "--batch-size", "50", "--connection", database.ConnectionString, "--provider", database.Provider.ToString()],
            _ => throw new InvalidOperationException("The app should not be built."),
            CancellationToken.None));
        List<(int Id, string Title)> seeded;
        await using (var db = database.CreateContext())
        {
            seeded = (await db.Set<Article>().IgnoreQueryFilters().OrderBy(a => a.Id).Select(a => new { a.Id, a.Title }).ToListAsync())
                .Select(a => (a.Id, a.Title)).ToList();
        }

        await using var server = await EditorServer.StartAsync(database: database);
        foreach (var (id, title) in seeded.Where((_, i) => i % 10 == 0))
        {
            var found = await server.EditAsync(ArticleSearchIndexingTests.Search, new { q = $"\"{title}\"" });
            Assert.Contains(NodeId(id), ArticleSearchIndexingTests.Ids(found.SuccessfulData()));
        }

        var authorId = await server.FirstIdAsync("authors");
        var categoryId = await server.FirstIdAsync("categories");
        var created = await server.MutateAsync("createArticle", "CreateArticleInput",
            new { title = "Narwhal Tusks Explained", body = "A tooth.", authorId, categoryId }, "article { id }");
        Assert.Equal([(string)created["article"]!["id"]!], ArticleSearchIndexingTests.Ids((await server.EditAsync(ArticleSearchIndexingTests.Search, new { q = "narwhal" })).SuccessfulData()));
    }

    private static string NodeId(int id) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Article:{id}"));
}
