using System.Text.Json.Nodes;
using NewsGraph.Server.RelatedArticles;
using NewsGraph.Server.Tests.Mutations;

namespace NewsGraph.Server.Tests.RelatedArticles;

/// <summary><c>Article.related</c> through HTTP: the ranking on a crafted set, what is never related, the bound, one SQL command per level.</summary>
public sealed class RelatedArticlesTests : IAsyncLifetime
{
    private EditorServer _editor = null!;
    private string _home = null!;
    private string _homeSlug = null!;
    private string _away = null!;
    private string[] _tags = null!;

    public async Task InitializeAsync()
    {
        _editor = await EditorServer.StartAsync();
        var categories = (await _editor.Server.PostAsync("{ categories(first: 2) { nodes { id slug } } }")).SuccessfulData()["categories"]!["nodes"]!.AsArray();
        _home = (string)categories[0]!["id"]!;
        _homeSlug = (string)categories[0]!["slug"]!;
        _away = (string)categories[1]!["id"]!;
        _tags = new string[3];
        for (var i = 0; i < _tags.Length; i++)
        {
            var tag = await _editor.MutateAsync("createTag", "CreateTagInput", new { name = $"Related test tag {i}" }, "tag { id }");
            _tags[i] = (string)tag["tag"]!["id"]!;
        }
    }

    public async Task DisposeAsync() => await _editor.DisposeAsync();

    [Fact]
    public async Task Related_articles_rank_by_shared_tags_then_category_then_recency_never_self_nor_drafts()
    {
        var source = await CreateAsync("Source", _home, [_tags[0], _tags[1]], publish: true);
        var bothTagsAway = await CreateAsync("Both tags, other category", _away, [_tags[0], _tags[1]], publish: true);
        var oneTagHome = await CreateAsync("One tag, same category", _home, [_tags[0]], publish: true);
        var oneTagAwayOlder = await CreateAsync("One tag, other category, older", _away, [_tags[0], _tags[2]], publish: true);
        var oneTagAwayNewer = await CreateAsync("One tag, other category, newer", _away, [_tags[1]], publish: true);
        await CreateAsync("Draft with both tags", _home, [_tags[0], _tags[1]], publish: false);
        await CreateAsync("Unrelated", _away, [_tags[2]], publish: true);

        var related = await RelatedAsync(source, 8);

        // Then the category's newest published articles sharing no tag (the sample data's), newest first.
        var sameCategory = (await _editor.Server.PostAsync(
            $$"""{ articles(first: 10, where: { category: { slug: { eq: "{{_homeSlug}}" } } }, order: [{ publishedAt: DESC }, { id: DESC }]) { nodes { id } } }"""))
            .SuccessfulData()["articles"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!).Where(id => id != source && id != oneTagHome).Take(4);
        Assert.Equal([bothTagsAway, oneTagHome, oneTagAwayNewer, oneTagAwayOlder, .. sameCategory], related);

        Assert.Equal([bothTagsAway, oneTagHome], await RelatedAsync(source, 2));
        Assert.Empty(await RelatedAsync(source, 0));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(21)]
    public async Task First_outside_zero_to_twenty_is_an_error(int first)
    {
        var response = await _editor.Server.PostAsync("query($first: Int!) { articles(first: 1) { nodes { related(first: $first) { id } } } }", new { first });

        Assert.Equal(RelatedArticlesFields.FirstOutOfRangeCode, response.FirstErrorCode);
    }

    [Fact]
    public async Task A_page_of_ten_articles_with_their_related_articles_takes_one_more_sql_command()
    {
        var server = _editor.Server;
        server.SqlCommands.Reset();
        (await server.PostAsync("{ articles(first: 10) { nodes { id } } }")).SuccessfulData();
        var page = server.SqlCommands.Commands.Count;

        server.SqlCommands.Reset();
        var data = (await server.PostAsync("{ articles(first: 10) { nodes { id related(first: 3) { id title } other: related(first: 5) { id } } } }")).SuccessfulData();
        var nodes = data["articles"]!["nodes"]!.AsArray();
        Assert.Equal(10, nodes.Count);
        Assert.All(nodes, n => Assert.InRange(n!["related"]!.AsArray().Count, 0, 3));
        Assert.Contains(nodes, n => n!["related"]!.AsArray().Count == 3);
        Assert.All(nodes, n => Assert.DoesNotContain((string)n!["id"]!, n["related"]!.AsArray().Select(r => (string)r!["id"]!)));
        Assert.Equal(page + 1, server.SqlCommands.Commands.Count);

        // Both aliases shared the one command, and the first three of five are the three.
        Assert.All(nodes, n => Assert.Equal(
            n!["related"]!.AsArray().Select(r => (string)r!["id"]!),
            n["other"]!.AsArray().Take(3).Select(r => (string)r!["id"]!)));
    }

    private async Task<string> CreateAsync(string title, string categoryId, string[] tagIds, bool publish)
    {
        var created = await _editor.MutateAsync("createArticle", "CreateArticleInput",
            new { title, body = "Text.", authorId = await _editor.FirstIdAsync("authors"), categoryId, tagIds }, "article { id version }");
        var id = (string)created["article"]!["id"]!;
        if (publish)
        {
            var published = await _editor.MutateAsync("publishArticle", "PublishArticleInput", new { id, version = (int)created["article"]!["version"]! }, "errors { __typename }");
            Assert.Null(published["errors"]);
        }

        return id;
    }

    private async Task<string[]> RelatedAsync(string id, int first)
    {
        // As a reader: what a page shows.
        var response = await _editor.Server.PostAsync("query($id: ID!, $first: Int!) { article(id: $id) { related(first: $first) { id } } }", new { id, first });
        return [.. response.SuccessfulData()["article"]!["related"]!.AsArray().Select(n => (string)n!["id"]!)];
    }
}
