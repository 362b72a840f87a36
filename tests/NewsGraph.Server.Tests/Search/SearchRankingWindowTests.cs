using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.Mutations;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Search;

/// <summary>
/// Relevance ranks the newest <c>Search:RankingWindow</c> matches the reader may see and <c>where</c> accepts (here 10,
/// on the sample data, where "the" matches far more); <c>order: NEWEST</c> pages through every match.
/// </summary>
public sealed class SearchRankingWindowTests : IAsyncLifetime
{
    private const int Window = 10;

    private const string Hits = """
        query($q: String!, $first: Int, $after: String, $last: Int, $before: String, $order: SearchOrder, $where: ArticleFilterInput) {
          searchArticles(query: $q, first: $first, after: $after, last: $last, before: $before, order: $order, where: $where) {
            totalCount
            pageInfo { hasNextPage hasPreviousPage endCursor }
            edges { node { score article { id slug status } } }
          }
        }
        """;

    private EditorServer _editor = null!;

    public async Task InitializeAsync() =>
        _editor = await EditorServer.StartAsync([new("Search:RankingWindow", Window.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    public async Task DisposeAsync() => await _editor.DisposeAsync();

    [Fact]
    public async Task Relevance_ranks_exactly_the_newest_matches_of_the_window()
    {
        var newest = await SearchAsync(new { q = "the", first = 50, order = "NEWEST" });
        var ranked = await SearchAsync(new { q = "the", first = 50 });

        Assert.True(Slugs(newest).Count > Window * 2);
        Assert.Equal(Slugs(newest).Take(Window).Order(), Slugs(ranked).Order());
        Assert.Equal(Window, (int)ranked["totalCount"]!);
        Assert.False((bool)ranked["pageInfo"]!["hasNextPage"]!);
        var scores = ranked["edges"]!.AsArray().Select(edge => (double)edge!["node"]!["score"]!).ToList();
        Assert.Equal(scores.OrderDescending(), scores);

        // The ranking is not the date order: within the window, the best match comes first.
        Assert.NotEqual(Slugs(newest).Take(Window), Slugs(ranked));
    }

    [Fact]
    public async Task The_window_is_taken_after_the_filter()
    {
        // Had the filter applied to the newest matches of all, none of them would be left.
        var allNewest = Slugs(await SearchAsync(new { q = "the", first = Window, order = "NEWEST" }));
        var where = new { slug = new { nin = allNewest } };
        var newest = await SearchAsync(new { q = "the", first = 50, order = "NEWEST", where });
        var ranked = await SearchAsync(new { q = "the", first = 50, where });

        Assert.True(Slugs(newest).Count > Window);
        Assert.Equal(Slugs(newest).Take(Window).Order(), Slugs(ranked).Order());
        Assert.Empty(Slugs(ranked).Intersect(allNewest));
    }

    [Fact]
    public async Task Pages_walk_the_window_and_end_with_it()
    {
        var all = Slugs(await SearchAsync(new { q = "the", first = 50 }));
        var walked = new List<string>();
        string? cursor = null;
        while (true)
        {
            var page = await SearchAsync(new { q = "the", first = 3, after = cursor });
            walked.AddRange(Slugs(page));
            if (!(bool)page["pageInfo"]!["hasNextPage"]!)
            {
                break;
            }

            cursor = (string?)page["pageInfo"]!["endCursor"];
        }

        Assert.Equal(all, walked);
        Assert.Equal(Window, walked.Count);
    }

    [Fact]
    public async Task Publishing_an_old_draft_brings_it_into_the_window_and_keeps_the_index_whole()
    {
        // The sample draft "Festival Season Preview" was written long ago: dated by its creation, it is not among the
        // newest matches of "festival" for an editor; published now, its search key moves to the newest.
        var draftId = await _editor.DatabaseAsync(db => db.Articles.IgnoreQueryFilters()
            .Where(a => a.Slug == "draft-festival-preview").Select(a => new { a.Id, a.Version }).SingleAsync());
        var keyBefore = await SearchKeyAsync(draftId.Id);
        var id = Filtering.Catalogue.GlobalId("Article", draftId.Id);

        await _editor.MutateAsync("publishArticle", "PublishArticleInput", new { id, version = draftId.Version, isBreaking = false }, "article { id }");

        Assert.True(await SearchKeyAsync(draftId.Id) > keyBefore);
        var ranked = await SearchAsync(new { q = "festival", first = Window });
        Assert.Contains("draft-festival-preview", Slugs(ranked));
        Assert.Equal(["draft-festival-preview"], Slugs(await SearchAsync(new { q = "\"festival season preview\"", first = Window })));
        if (NewsTestDatabase.ProviderUnderTest == DatabaseProvider.Sqlite)
        {
            // FTS5 checks its index against the documents: the old key's entries were removed, the new key's added.
            await _editor.DatabaseAsync(db => db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "ArticleSearchIndex" ("ArticleSearchIndex") VALUES ('integrity-check')"""));
        }
    }

    [Theory]
    [InlineData("9")]
    [InlineData("100001")]
    [InlineData("all")]
    public async Task A_bad_window_stops_the_server_naming_the_setting(string window)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => NewsGraphServer.StartAsync([new("Search:RankingWindow", window)]));

        Assert.Contains("RankingWindow", error.ToString(), StringComparison.Ordinal);
    }

    private Task<long> SearchKeyAsync(int articleId) =>
        _editor.DatabaseAsync(db => db.Set<ArticleSearchDocument>().IgnoreQueryFilters()
            .Where(d => d.ArticleId == articleId).Select(d => d.SearchKey).SingleAsync());

    private async Task<JsonNode> SearchAsync(object variables) =>
        (await _editor.Server.PostAsync(Hits, variables)).SuccessfulData()["searchArticles"]!;

    private static List<string> Slugs(JsonNode connection) =>
        connection["edges"]!.AsArray().Select(edge => (string)edge!["node"]!["article"]!["slug"]!).ToList();
}
