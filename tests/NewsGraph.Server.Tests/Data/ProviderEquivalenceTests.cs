using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.Auth;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Data;

/// <summary>
/// The same requests to a server on SQLite and one on PostgreSQL, both with the sample data, get the same answers byte
/// for byte: every article field, node IDs, filters (Unicode case folding, literal <c>%</c> and <c>_</c>), every order,
/// keyset cursors followed forwards and backwards through every page, <c>totalCount</c>, an editor's drafts (NULL
/// publication dates in the order). The rest of the server suite runs on both providers too (tests/run.sh); this test
/// compares them with each other rather than with expectations written down.
/// </summary>
[Trait("Provider", "PostgreSQL")]
public sealed class ProviderEquivalenceTests : IAsyncLifetime
{
    private const string ArticleFields = """
        id slug title summary body bodyHtml status isBreaking publishedAt createdAt updatedAt wordCount readingTimeMinutes
        heroImageUrl canonicalUrl version author { id slug name } category { id slug name parent { slug } } tags { id slug name }
        """;

    private NewsGraphServer? _sqlite;
    private NewsGraphServer? _postgres;

    public static TheoryData<string> Orders => new()
    {
        "[]",
        "[{ title: ASC }]",
        "[{ title: DESC }]",
        "[{ publishedAt: ASC }]",
        "[{ publishedAt: DESC }]",
        "[{ updatedAt: DESC }]",
        "[{ createdAt: ASC }]",
        "[{ wordCount: DESC }, { title: ASC }]",
        "[{ author: { name: ASC } }]",
        "[{ category: { name: DESC } }]",
    };

    public static TheoryData<string> Filters => new()
    {
        """{ title: { contains: "zürich" } }""",
        """{ body: { contains: "ØRSTED" } }""",
        """{ body: { contains: "são paulo" } }""",
        """{ title: { startsWith: "the" } }""",
        """{ title: { endsWith: "RUSSIA" } }""",
        """{ body: { contains: "%" } }""",
        """{ body: { contains: "_" } }""",
        """{ title: { ncontains: "a" } }""",
        """{ publishedAt: { gte: "2024-01-01T00:00:00Z" }, isBreaking: { eq: true } }""",
        """{ or: [{ wordCount: { lt: 300 } }, { tags: { some: { slug: { eq: "energy" } } } }] }""",
        """{ author: { name: { contains: "LINDQVIST" } }, category: { slug: { in: ["health", "science"] } } }""",
        """{ summary: { eq: null } }""",
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Every_page_of_every_order_is_the_same_forwards_and_backwards_for_readers_and_editors(string order)
    {
        foreach (var editor in new[] { false, true })
        {
            var forwards = await WalkAsync(order, editor, backwards: false);
            var backwards = await WalkAsync(order, editor, backwards: true);
            Assert.True(forwards.Count > 2, $"expected several pages, got {forwards.Count}");
            Assert.True(backwards.Count > 2, $"expected several pages, got {backwards.Count}");
        }
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Every_filter_finds_the_same_articles(string where)
    {
        var sqlite = await SameOnBothAsync(
            $$"""{ articles(first: 50, where: {{where}}, order: [{ title: ASC }]) { totalCount nodes { {{ArticleFields}} } } }""", editor: true);

        Assert.Null(sqlite["errors"]);
    }

    public static TheoryData<string> Searches => new()
    {
        "xi putin kremlin",
        "zurich",
        "ØRSTED",
        "sao paulo",
        "evacuating wildfire",
        "paris marching pension",
        "\"proof of stake\"",
        "\"stake of proof\"",
        "crypto -bankruptcy",
        "crypto -\"proof of stake\"",
        "bitcoin OR ethereum",
        "regulator bitcoin OR ethereum",
        "bank rates",
        "the",
        "festival",
        "NEAR(bank rates) title:x bank* ^rates \"unbalanced",
        "C++ 7.5% q3",
    };

    // The engines score differently, so the hits are compared newest first: the same articles, the same count.
    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Every_search_finds_the_same_articles(string query)
    {
        var search = $$"""{ searchArticles(query: {{System.Text.Json.JsonSerializer.Serialize(query)}}, first: 50, order: NEWEST) { totalCount nodes { article { slug status } } } }""";

        await SameOnBothAsync(search, editor: false);
        await SameOnBothAsync(search, editor: true);
    }

    [Fact]
    public async Task Look_ups_trees_and_nested_connections_are_the_same()
    {
        var front = await SameOnBothAsync("{ articles(first: 3) { nodes { id } } }", editor: false);
        var ids = front["data"]!["articles"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToArray();

        await SameOnBothAsync($$"""{ nodes(ids: ["{{string.Join("\", \"", ids)}}"]) { id ... on Article { {{ArticleFields}} } } }""", editor: false);
        await SameOnBothAsync($$"""{ article(id: "{{ids[0]}}") { {{ArticleFields}} } articleBySlug(slug: "{{SampleData.RealArticleSlug}}") { {{ArticleFields}} } }""", editor: false);
        await SameOnBothAsync("{ categories(first: 50) { totalCount nodes { id slug name position parent { id } children { slug } } } }", editor: false);
        await SameOnBothAsync("{ authors(first: 10) { totalCount nodes { id slug name bio avatarUrl articles(first: 3) { totalCount nodes { slug publishedAt } } } } }", editor: true);
        await SameOnBothAsync("{ tags(first: 50) { totalCount nodes { id slug name } } }", editor: false);
        await SameOnBothAsync("""{ recentArticles(first: 5, categorySlug: "news") { totalCount nodes { slug category { slug } } } }""", editor: false);
        // Related articles (one raw SQL text on both, window function and all) and the SEO data built from each article.
        await SameOnBothAsync("{ articles(first: 50) { nodes { slug related(first: 20) { slug } seo { title description canonicalUrl openGraph { title description image type url } jsonLd } } } }", editor: false);
        await SameOnBothAsync("{ articles(first: 50) { nodes { slug related { slug related(first: 2) { slug } } } } }", editor: true);
    }

    public async Task InitializeAsync()
    {
        var settings = TestCredentials.Settings.ToList();
        _sqlite = await NewsGraphServer.StartAsync(settings, database: null, provider: DatabaseProvider.Sqlite);
        _postgres = await NewsGraphServer.StartAsync(settings, database: null, provider: DatabaseProvider.PostgreSQL);
    }

    public async Task DisposeAsync()
    {
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    // Pages of 7 through the whole list, following the cursors each server gave; each page compared.
    private async Task<List<JsonNode>> WalkAsync(string order, bool editor, bool backwards)
    {
        var pages = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var window = backwards
                ? $"last: 7{(cursor is null ? "" : $", before: \"{cursor}\"")}"
                : $"first: 7{(cursor is null ? "" : $", after: \"{cursor}\"")}";
            var page = await SameOnBothAsync(
                $$"""{ articles({{window}}, order: {{order}}) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id slug status publishedAt title } } } }""",
                editor);
            var connection = page["data"]!["articles"]!;
            pages.Add(connection);
            var pageInfo = connection["pageInfo"]!;
            cursor = backwards
                ? ((bool)pageInfo["hasPreviousPage"]! ? (string?)pageInfo["startCursor"] : null)
                : ((bool)pageInfo["hasNextPage"]! ? (string?)pageInfo["endCursor"] : null);
        }
        while (cursor is not null && pages.Count < 100);

        return pages;
    }

    private async Task<JsonNode> SameOnBothAsync(string query, bool editor)
    {
        var sqlite = await PostAsync(_sqlite!, query, editor);
        var postgres = await PostAsync(_postgres!, query, editor);

        Assert.Equal(sqlite.Text, postgres.Text);
        Assert.Null(sqlite.Errors);
        return sqlite.Body;
    }

    private static async Task<GraphQLResponse> PostAsync(NewsGraphServer server, string query, bool editor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, GraphQLHttp.Path)
        {
            Content = JsonContent.Create(GraphQLHttp.Request(query)),
        };
        if (editor)
        {
            request.Headers.Add("X-Api-Key", TestCredentials.EditorKey);
        }

        using var response = await server.Http.SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }
}
