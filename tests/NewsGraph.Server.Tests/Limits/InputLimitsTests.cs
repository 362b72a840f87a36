using System.Net;
using System.Text.Json.Nodes;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Limits;

/// <summary>
/// The limits on <c>where</c> and <c>order</c> inputs through a real server: within them a request is answered,
/// beyond them it is refused with its code before any SQL is sent, however the input arrives (literal or variable);
/// the limits are configurable and what an input asks for is counted in the cost.
/// </summary>
public sealed class InputLimitsTests
{
    private const string ArticlesWhere = "query ($w: ArticleFilterInput) { articles(where: $w) { nodes { id } } }";
    private static readonly int[] FourNumbers = [1, 2, 3, 4];

    private const string ArticlesOrder = "query ($o: [ArticleSortInput!]) { articles(order: $o) { nodes { id } } }";

    public static TheoryData<int, string?> ListSizes => new()
    {
        { 10, null },
        { 1_000, "refused" },
        { 100_000, "refused" },
    };

    [Theory]
    [MemberData(nameof(ListSizes))]
    public async Task Sort_and_filter_lists_are_answered_within_the_limits_and_refused_beyond_them(int entries, string? refused)
    {
        await using var server = await NewsGraphServer.StartAsync();
        var http = server.Http;
        server.SqlCommands.Reset();

        var order = await RawGraphQLClient.PostAsync(http, HostileInputs.Variables(ArticlesOrder, "o",
            HostileInputs.Repeat(entries, i => new JsonObject { [i % 2 == 0 ? "publishedAt" : "title"] = "DESC" })));
        var slugs = await RawGraphQLClient.PostAsync(http, HostileInputs.Variables(ArticlesWhere, "w",
            HostileInputs.In("slug", HostileInputs.Repeat(entries, i => JsonValue.Create(i == 0 ? "chinas-xi-jinping-visits-russia" : $"s{i}")))));
        var branches = await RawGraphQLClient.PostAsync(http, HostileInputs.Variables(ArticlesWhere, "w",
            new JsonObject { ["or"] = HostileInputs.Repeat(entries, i => new JsonObject { ["wordCount"] = new JsonObject { ["eq"] = i } }) }));

        if (refused is null)
        {
            Assert.Equal(HttpStatusCode.OK, order.Status);
            Assert.Equal(10, order.Body!["data"]!["articles"]!["nodes"]!.AsArray().Count);
            Assert.Equal(HttpStatusCode.OK, slugs.Status);
            Assert.Single(slugs.Body!["data"]!["articles"]!["nodes"]!.AsArray());
            Assert.Equal(HttpStatusCode.OK, branches.Status);
            Assert.NotNull(branches.Body!["data"]!["articles"]);
        }
        else
        {
            Assert.Equal("MAX_SORT_FIELDS_EXCEEDED", RawGraphQLClient.FirstErrorCode(order.Body));
            Assert.Equal("MAX_FILTER_LIST_LENGTH_EXCEEDED", RawGraphQLClient.FirstErrorCode(slugs.Body));
            Assert.Equal("MAX_FILTER_FIELDS_EXCEEDED", RawGraphQLClient.FirstErrorCode(branches.Body));
            Assert.All([order, slugs, branches], result =>
            {
                Assert.Equal(HttpStatusCode.BadRequest, result.Status);
                Assert.Null(result.Body!["data"]);
            });
            Assert.Empty(server.SqlCommands.Commands);
        }

        (await server.PostAsync("{ articles(first: 1) { nodes { title } } }")).SuccessfulData();
    }

    [Fact]
    public async Task Limits_name_the_argument_and_apply_to_literals_and_variables_alike()
    {
        await using var server = await NewsGraphServer.StartAsync(
        [
            new("GraphQL:Limits:MaxSortFields", "2"),
            new("GraphQL:Limits:MaxFilterListLength", "3"),
            new("GraphQL:Limits:MaxFilterFields", "6"),
            new("GraphQL:Limits:MaxFilterDepth", "3"),
        ]);

        (await server.PostAsync("{ articles(order: [{ title: ASC }, { id: DESC }]) { nodes { id } } }")).SuccessfulData();
        var sort = await server.PostAsync("{ authors(order: [{ name: ASC }, { slug: ASC }, { id: ASC }]) { nodes { id } } }");
        Assert.Equal("MAX_SORT_FIELDS_EXCEEDED", sort.SingleErrorCode());
        Assert.Equal(
            "The argument `Query.authors(order:)` has 3 sort fields, which exceeds the max allowed number of sort fields of 2.",
            sort.Errors![0]!["message"]!.GetValue<string>());
        // Nested sort objects count their fields; so does a variable.
        Assert.Equal("MAX_SORT_FIELDS_EXCEEDED", (await server.PostAsync(ArticlesOrder, new { o = new object[] { new { author = new { name = "ASC", slug = "ASC" } }, new { id = "ASC" } } })).SingleErrorCode());

        (await server.PostAsync("{ articles(where: { slug: { in: [\"a\", \"b\", \"c\"] } }) { nodes { id } } }")).SuccessfulData();
        Assert.Equal("MAX_FILTER_LIST_LENGTH_EXCEEDED", (await server.PostAsync("{ articles(where: { slug: { nin: [\"a\", \"b\", \"c\", \"d\"] } }) { nodes { id } } }")).SingleErrorCode());
        Assert.Equal("MAX_FILTER_LIST_LENGTH_EXCEEDED", (await server.PostAsync(ArticlesWhere, new { w = new { wordCount = new { @in = FourNumbers } } })).SingleErrorCode());

        // or (1) + 2 elements + slug and eq in each (4) = 7 fields.
        const string TwoBranches = "{ articles(where: { or: [{ slug: { eq: \"a\" } }, { slug: { eq: \"b\" } }] }) { nodes { id } } }";
        Assert.Equal("MAX_FILTER_FIELDS_EXCEEDED", (await server.PostAsync(TwoBranches)).SingleErrorCode());
        (await server.PostAsync("{ articles(where: { or: [{ slug: { eq: \"a\" } }] }) { nodes { id } } }")).SuccessfulData();

        // where (1) > category (2) > parent (3) > slug (4).
        var deep = await server.PostAsync("{ articles(where: { category: { parent: { slug: { eq: \"news\" } } } }) { nodes { id } } }");
        Assert.Equal("MAX_FILTER_DEPTH_EXCEEDED", deep.SingleErrorCode());
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        (await server.PostAsync("{ articles(where: { category: { slug: { eq: \"news\" } } }) { nodes { id } } }")).SuccessfulData();
    }

    [Fact]
    public async Task What_an_input_asks_for_is_counted_in_the_cost_whether_literal_or_variable()
    {
        await using var server = await NewsGraphServer.StartAsync([new("GraphQL:Limits:MaxFieldCost", "100")]);
        static string Slugs(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"\"s{i}\""));

        (await server.PostAsync($"{{ articles(where: {{ slug: {{ in: [{Slugs(10)}] }} }}) {{ nodes {{ id }} }} }}")).SuccessfulData();
        var literal = await server.PostAsync($"{{ articles(where: {{ slug: {{ in: [{Slugs(100)}] }} }}) {{ nodes {{ id }} }} }}");
        Assert.Equal("HC0047", literal.SingleErrorCode());

        var variable = await server.PostAsync(ArticlesWhere, new { w = new { slug = new { @in = Enumerable.Range(0, 100).Select(i => $"s{i}").ToArray() } } });
        Assert.Equal("HC0047", variable.SingleErrorCode());
        // The same input costs the same, however it was sent.
        Assert.Equal(CostOf(literal), CostOf(variable));

        // Ten sort fields cost more than one.
        (await server.PostAsync("{ articles(order: [{ title: ASC }]) { nodes { id } } }")).SuccessfulData();
        Assert.Equal("HC0047", (await server.PostAsync("{ articles(order: [" + string.Join(", ", Enumerable.Repeat("{ title: ASC }", 10)) + "]) { nodes { id } } }")).SingleErrorCode());
    }

    [Fact]
    public async Task A_page_beyond_the_maximum_is_the_paging_error_not_the_cost_error()
    {
        await using var server = await NewsGraphServer.StartAsync();
        foreach (var first in new[] { "51", "2147483647" })
        {
            var response = await server.PostAsync($"{{ articles(first: {first}) {{ nodes {{ id author {{ articles(first: {first}) {{ nodes {{ id }} }} }} }} }} }}");
            Assert.Equal("HC0051", response.SingleErrorCode());
            Assert.Equal(50, response.Errors![0]!["extensions"]!["maxAllowedItems"]!.GetValue<int>());
        }
    }

    private static string CostOf(GraphQLResponse response)
    {
        var message = response.Errors![0]!["message"]!.GetValue<string>();
        var start = message.IndexOf("field cost of ", StringComparison.Ordinal) + "field cost of ".Length;
        return message[start..message.IndexOf(' ', start)];
    }
}
