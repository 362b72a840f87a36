using System.Text.Json.Nodes;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.Filtering;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Paging;

/// <summary>
/// Walking every connection forwards and backwards in small pages gives exactly the one-page list:
/// same order, no duplicates, no gaps, across the publishedAt ties and the author-name ties.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class ConnectionPagingTests(ServerFixture fixture)
{
    private const string V = ConnectionWalker.Variables;
    private const string A = ConnectionWalker.Arguments;
    private const string S = ConnectionWalker.Selection;

    private sealed record Case(string Document, Func<JsonNode, JsonNode> Connection, Func<IReadOnlyList<Article>, int> ExpectedTotal);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["articles, default order"] = new($"query ({V}) {{ articles({A}) {{ {S} }} }}", d => d["articles"]!, a => a.Count),
        ["articles, publishedAt DESC (ties)"] = new($"query ({V}) {{ articles({A}, order: [{{ publishedAt: DESC }}]) {{ {S} }} }}", d => d["articles"]!, a => a.Count),
        ["articles, publishedAt ASC (ties)"] = new($"query ({V}) {{ articles({A}, order: [{{ publishedAt: ASC }}]) {{ {S} }} }}", d => d["articles"]!, a => a.Count),
        ["articles, author name ASC (ties)"] = new($"query ({V}) {{ articles({A}, order: [{{ author: {{ name: ASC }} }}]) {{ {S} }} }}", d => d["articles"]!, a => a.Count),
        ["articles, category position then title DESC"] = new($"query ({V}) {{ articles({A}, order: [{{ category: {{ position: ASC }} }}, {{ title: DESC }}]) {{ {S} }} }}", d => d["articles"]!, a => a.Count),
        ["articles, filtered"] = new($"query ({V}) {{ articles({A}, where: {{ isBreaking: {{ eq: false }} }}) {{ {S} }} }}", d => d["articles"]!, a => a.Count(x => !x.IsBreaking)),
        ["recentArticles"] = new($"query ({V}) {{ recentArticles({A}) {{ {S} }} }}", d => d["recentArticles"]!, a => a.Count),
        ["recentArticles in news"] = new($"query ({V}) {{ recentArticles({A}, categorySlug: \"news\") {{ {S} }} }}", d => d["recentArticles"]!,
            a => a.Count(x => x.Category.Slug == "news" || x.Category.Parent?.Slug == "news")),
        ["author.articles"] = new($"query ({V}) {{ authorBySlug(slug: \"sofia-ribeiro\") {{ articles({A}) {{ {S} }} }} }}", d => d["authorBySlug"]!["articles"]!,
            a => a.Count(x => x.Author.Slug == "sofia-ribeiro")),
        ["category.articles with subcategories"] = new($"query ({V}) {{ categoryBySlug(slug: \"news\") {{ articles({A}) {{ {S} }} }} }}", d => d["categoryBySlug"]!["articles"]!,
            a => a.Count(x => x.Category.Slug == "news" || x.Category.Parent?.Slug == "news")),
        ["category.articles without subcategories"] = new($"query ({V}) {{ categoryBySlug(slug: \"news\") {{ articles({A}, includeSubcategories: false) {{ {S} }} }} }}", d => d["categoryBySlug"]!["articles"]!,
            a => a.Count(x => x.Category.Slug == "news")),
        ["authors"] = new($"query ({V}) {{ authors({A}) {{ {S} }} }}", d => d["authors"]!, _ => 6),
        ["tags, slug DESC"] = new($"query ({V}) {{ tags({A}, order: [{{ slug: DESC }}]) {{ {S} }} }}", d => d["tags"]!, _ => 20),
        ["categories (position ties)"] = new($"query ({V}) {{ categories({A}) {{ {S} }} }}", d => d["categories"]!, _ => 9),
    };

    public static TheoryData<string, int> CasesAndPageSizes()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in Cases.Keys)
        {
            data.Add(name, 2);
            data.Add(name, 3);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CasesAndPageSizes))]
    public async Task Walking_forwards_and_backwards_gives_the_full_list(string name, int pageSize)
    {
        var @case = Cases[name];
        var published = await Catalogue.PublishedArticlesAsync(fixture.Server);
        var expectedTotal = @case.ExpectedTotal(published);
        var walker = new ConnectionWalker(fixture.Server, @case.Document, @case.Connection);

        var full = await walker.PageAsync(first: 50);
        Assert.Equal(expectedTotal, full.TotalCount);
        Assert.Equal(expectedTotal, full.Ids.Length);
        Assert.Equal(full.Ids.Length, full.Ids.Distinct().Count());
        Assert.False(full.HasNextPage);
        Assert.False(full.HasPreviousPage);
        Assert.True(expectedTotal > pageSize, "The case must span at least two pages.");

        var forwards = await walker.WalkForwardAsync(pageSize, expectedTotal);
        Assert.Equal(full.Ids, forwards);

        var backwards = await walker.WalkBackwardAsync(pageSize, expectedTotal);
        Assert.Equal(full.Ids, backwards);
    }

    [Fact]
    public async Task Totals_of_reference_entities_match_the_database()
    {
        // The hard-coded totals in Cases for authors, tags and categories are the database's.
        Assert.Equal(6, (await Catalogue.AuthorsAsync(fixture.Server)).Count);
        Assert.Equal(20, (await Catalogue.TagsAsync(fixture.Server)).Count);
        Assert.Equal(9, (await Catalogue.CategoriesAsync(fixture.Server)).Count);
    }

    [Fact]
    public async Task Last_page_has_the_remainder_and_middle_pages_have_both_flags()
    {
        var walker = new ConnectionWalker(fixture.Server, $"query ({V}) {{ articles({A}) {{ {S} }} }}", d => d["articles"]!);
        var full = await walker.PageAsync(first: 50);

        var middle = await walker.PageAsync(first: 5, after: full.Cursors[9]);
        Assert.Equal(full.Ids[10..15], middle.Ids);
        Assert.True(middle.HasNextPage);
        Assert.True(middle.HasPreviousPage);

        var tail = await walker.PageAsync(first: 10, after: full.Cursors[^3]);
        Assert.Equal(full.Ids[^2..], tail.Ids);
        Assert.False(tail.HasNextPage);

        var beforeMiddle = await walker.PageAsync(last: 4, before: full.Cursors[10]);
        Assert.Equal(full.Ids[6..10], beforeMiddle.Ids);
        Assert.True(beforeMiddle.HasNextPage);
        Assert.True(beforeMiddle.HasPreviousPage);

        var head = await walker.PageAsync(last: 10, before: full.Cursors[2]);
        Assert.Equal(full.Ids[..2], head.Ids);
        Assert.False(head.HasPreviousPage);

        var afterLast = await walker.PageAsync(first: 5, after: full.Cursors[^1]);
        Assert.Empty(afterLast.Ids);
        Assert.False(afterLast.HasNextPage);
    }

    [Fact]
    public async Task Total_count_ignores_first_and_after()
    {
        var walker = new ConnectionWalker(fixture.Server, $"query ({V}) {{ articles({A}) {{ {S} }} }}", d => d["articles"]!);
        var published = await Catalogue.PublishedArticlesAsync(fixture.Server);
        var full = await walker.PageAsync(first: 50);

        Assert.Equal(published.Count, (await walker.PageAsync(first: 1)).TotalCount);
        Assert.Equal(published.Count, (await walker.PageAsync(first: 3, after: full.Cursors[20])).TotalCount);
        Assert.Equal(published.Count, (await walker.PageAsync(last: 2, before: full.Cursors[5])).TotalCount);
    }

    [Fact]
    public async Task Default_page_size_is_ten()
    {
        var response = await fixture.Server.PostAsync("""
            { articles { edges { cursor } pageInfo { hasNextPage } }
              recentArticles { nodes { id } }
              tags { nodes { id } } }
            """);

        var data = response.SuccessfulData();
        Assert.Equal(10, data["articles"]!["edges"]!.AsArray().Count);
        Assert.True(data["articles"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(10, data["recentArticles"]!["nodes"]!.AsArray().Count);
        Assert.Equal(10, data["tags"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task First_fifty_is_allowed()
    {
        var published = await Catalogue.PublishedArticlesAsync(fixture.Server);

        var response = await fixture.Server.PostAsync("{ articles(first: 50) { nodes { id } } tags(last: 50) { nodes { id } } }");

        var data = response.SuccessfulData();
        Assert.Equal(published.Count, data["articles"]!["nodes"]!.AsArray().Count);
        Assert.Equal(20, data["tags"]!["nodes"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("{ articles(first: 51) { nodes { id } } }", "articles", "Query.articles", 51)]
    [InlineData("{ articles(last: 51) { nodes { id } } }", "articles", "Query.articles", 51)]
    [InlineData("{ recentArticles(first: 100) { nodes { id } } }", "recentArticles", "Query.recentArticles", 100)]
    [InlineData("{ authors(first: 51) { nodes { id } } }", "authors", "Query.authors", 51)]
    public async Task More_than_fifty_is_the_hc0051_error(string query, string field, string coordinate, int requested)
    {
        var response = await fixture.Server.PostAsync(query);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("HC0051", response.SingleErrorCode());
        var error = response.Errors![0]!;
        Assert.Equal("The maximum allowed items per page were exceeded.", error["message"]!.GetValue<string>());
        Assert.Equal(field, Assert.Single(error["path"]!.AsArray())!.GetValue<string>());
        Assert.Equal(requested, error["extensions"]!["requestedItems"]!.GetValue<int>());
        Assert.Equal(50, error["extensions"]!["maxAllowedItems"]!.GetValue<int>());
        Assert.Equal(coordinate, error["extensions"]!["coordinate"]?.GetValue<string>());
        Assert.True(response.Data is JsonObject data && data.ContainsKey(field) && data[field] is null, response.Text);
    }

    [Fact]
    public async Task Nested_connection_over_the_maximum_fails_only_that_field()
    {
        var response = await fixture.Server.PostAsync("""{ authorBySlug(slug: "daniel-kim") { name articles(first: 51) { nodes { id } } } }""");

        Assert.Equal("HC0051", response.SingleErrorCode());
        var path = response.Errors![0]!["path"]!.AsArray().Select(p => p!.ToString()).ToArray();
        Assert.Equal(["authorBySlug", "articles"], path);
        Assert.Equal("Daniel Kim", response.Data!["authorBySlug"]!["name"]!.GetValue<string>());
        Assert.Null(response.Data!["authorBySlug"]!["articles"]);
    }

    [Fact]
    public async Task Archive_articles_count_under_news()
    {
        var published = await Catalogue.PublishedArticlesAsync(fixture.Server);
        var newsOnly = published.Where(a => a.Category.Slug == "news").Select(a => a.Slug).ToHashSet();
        var archive = published.Where(a => a.Category.Slug == "archive").Select(a => a.Slug).ToHashSet();
        Assert.NotEmpty(archive);

        var response = await fixture.Server.PostAsync("""
            { categoryBySlug(slug: "news") {
                all: articles(first: 50) { totalCount nodes { slug } }
                own: articles(first: 50, includeSubcategories: false) { totalCount nodes { slug } } }
              archive: categoryBySlug(slug: "archive") { articles(first: 50) { totalCount nodes { slug } } } }
            """);

        var data = response.SuccessfulData();
        var all = data["categoryBySlug"]!["all"]!;
        var own = data["categoryBySlug"]!["own"]!;
        Assert.Equal(newsOnly.Union(archive).Order(StringComparer.Ordinal), Catalogue.Strings(all["nodes"], "slug").Order(StringComparer.Ordinal));
        Assert.Equal(newsOnly.Count + archive.Count, all["totalCount"]!.GetValue<int>());
        Assert.Equal(newsOnly.Order(StringComparer.Ordinal), Catalogue.Strings(own["nodes"], "slug").Order(StringComparer.Ordinal));
        Assert.Equal(newsOnly.Count, own["totalCount"]!.GetValue<int>());
        Assert.Equal(archive.Order(StringComparer.Ordinal), Catalogue.Strings(data["archive"]!["articles"]!["nodes"], "slug").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("news")]
    [InlineData("archive")]
    [InlineData("finance")]
    public async Task Recent_articles_are_newest_first_and_include_subcategories(string? categorySlug)
    {
        var published = await Catalogue.PublishedArticlesAsync(fixture.Server);
        var expected = published
            .Where(a => categorySlug is null || a.Category.Slug == categorySlug || a.Category.Parent?.Slug == categorySlug)
            .ToArray();
        Assert.NotEmpty(expected);

        var response = await fixture.Server.PostAsync(
            "query ($slug: String) { recentArticles(first: 50, categorySlug: $slug) { totalCount nodes { slug publishedAt } } }",
            new { slug = categorySlug });

        var connection = response.SuccessfulData()["recentArticles"]!;
        var nodes = connection["nodes"]!.AsArray();
        var slugs = Catalogue.Strings(nodes, "slug");
        Assert.Equal(expected.Select(a => a.Slug).Order(StringComparer.Ordinal), slugs.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, connection["totalCount"]!.GetValue<int>());
        var bySlug = expected.ToDictionary(a => a.Slug);
        var dates = slugs.Select(s => bySlug[s].PublishedAt!.Value).ToArray();
        Assert.Equal(dates.OrderDescending(), dates);
        var returnedDates = nodes.Select(n => DateTimeOffset.Parse(n!["publishedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).UtcDateTime).ToArray();
        Assert.Equal(dates, returnedDates);
    }
}
