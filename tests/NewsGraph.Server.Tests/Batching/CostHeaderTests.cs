using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Tests.Mutations;
using NewsGraph.Server.Tests.TestHosting;
using static NewsGraph.Server.Tests.Batching.BatchHttp;

namespace NewsGraph.Server.Tests.Batching;

/// <summary>
/// Hot Chocolate's <c>GraphQL-Cost</c> header: <c>report</c> runs and adds <c>extensions.operationCost</c>, <c>validate</c>
/// answers the cost (200) without running anything; per request and per batch item. And the batch's cost budget.
/// </summary>
public sealed class CostHeaderTests
{
    // articles: a connection with its own resolver (10) of type ArticleConnection (1); nodes: resolved too (10), 2 Articles (2 x 1).
    private const string Titles = "{ articles(first: 2) { nodes { title } } }";
    private const double TitlesFieldCost = 20;
    private const double TitlesTypeCost = 4;

    [Theory]
    [InlineData("report")]
    [InlineData("REPORT")]
    [InlineData("Report")]
    public async Task Report_runs_the_operation_and_adds_its_cost_in_hot_chocolates_shape(string header)
    {
        await using var server = await NewsGraphServer.StartAsync();
        var (status, _, body) = await PostAsync(server.Http, $$"""{"query":"{{Titles}}"}""", cost: header);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body!["data"]!["articles"]!["nodes"]!.AsArray().Count);
        Assert.Equal(TitlesFieldCost, (double)body["extensions"]!["operationCost"]!["fieldCost"]!);
        Assert.Equal(TitlesTypeCost, (double)body["extensions"]!["operationCost"]!["typeCost"]!);
        Assert.Equal("""{"fieldCost":20,"typeCost":4}""", body["extensions"]!["operationCost"]!.ToJsonString());
    }

    [Fact]
    public async Task Without_the_header_or_with_an_unknown_value_there_is_no_cost_in_the_result()
    {
        await using var server = await NewsGraphServer.StartAsync();
        foreach (var header in new string?[] { null, "yes", "" })
        {
            var (status, _, body) = await PostAsync(server.Http, $$"""{"query":"{{Titles}}"}""", cost: header);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.NotNull(body!["data"]);
            Assert.Null(body["extensions"]);
        }
    }

    [Fact]
    public async Task Report_over_the_limit_refuses_with_HC0047_and_still_reports_the_cost()
    {
        await using var server = await NewsGraphServer.StartAsync([new("GraphQL:Limits:MaxFieldCost", "5")]);
        var (status, _, body) = await PostAsync(server.Http, $$"""{"query":"{{Titles}}"}""", cost: "report");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("HC0047", Code(body));
        Assert.Null(body!["data"]);
        Assert.Equal(TitlesFieldCost, (double)body["extensions"]!["operationCost"]!["fieldCost"]!);
    }

    [Theory]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json")]
    public async Task Validate_answers_the_cost_alone_with_200_and_runs_nothing(string accept)
    {
        await using var server = await NewsGraphServer.StartAsync();
        server.SqlCommands.Reset();
        var (status, _, body) = await PostAsync(server.Http, $$"""{"query":"{{Titles}}"}""", accept, cost: "validate");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"extensions":{"operationCost":{"fieldCost":20,"typeCost":4}}}""", body!.ToJsonString());
        Assert.Empty(server.SqlCommands.Commands);
    }

    [Fact]
    public async Task Validate_reports_a_cost_above_the_limit_instead_of_refusing_it_as_hot_chocolate_does()
    {
        await using var server = await NewsGraphServer.StartAsync([new("GraphQL:Limits:MaxFieldCost", "5")]);
        var (status, _, body) = await PostAsync(server.Http, $$"""{"query":"{{Titles}}"}""", cost: "validate");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body!["errors"]);
        Assert.Equal(TitlesFieldCost, (double)body["extensions"]!["operationCost"]!["fieldCost"]!);
    }

    [Fact]
    public async Task Validate_still_reports_validation_errors()
    {
        await using var server = await NewsGraphServer.StartAsync();
        var (status, _, body) = await PostAsync(server.Http, """{"query":"{ articles { noSuchField } }"}""", cost: "validate");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("noSuchField", Message(body), StringComparison.Ordinal);
        Assert.Null(body!["data"]);
    }

    [Fact]
    public async Task A_mutation_under_validate_writes_nothing()
    {
        await using var editor = await EditorServer.StartAsync();
        const string Create = """mutation { createTag(input: { name: "Validated Only", slug: "validated-only" }) { tag { name } } }""";

        var (status, _, body) = await PostAsync(editor.Server.Http, $$"""{"query":{{System.Text.Json.JsonSerializer.Serialize(Create)}}}""", cost: "validate", apiKey: EditorServer.ApiKey);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body!["data"]);
        Assert.NotNull(body["extensions"]!["operationCost"]!["fieldCost"]);
        Assert.False(await editor.DatabaseAsync(db => db.Tags.AnyAsync(t => t.Slug == "validated-only")));

        // The same in a batch, and the same request without the header does write.
        var (_, _, batch) = await PostAsync(editor.Server.Http, Batch(Create, Titles), cost: "validate", apiKey: EditorServer.ApiKey);
        Assert.Null(batch![0]!["data"]);
        Assert.Equal(TitlesFieldCost, (double)batch[1]!["extensions"]!["operationCost"]!["fieldCost"]!);
        Assert.False(await editor.DatabaseAsync(db => db.Tags.AnyAsync(t => t.Slug == "validated-only")));

        var (_, _, written) = await PostAsync(editor.Server.Http, Batch(Create), apiKey: EditorServer.ApiKey);
        Assert.Equal("Validated Only", (string?)written![0]!["data"]!["createTag"]!["tag"]!["name"]);
        Assert.True(await editor.DatabaseAsync(db => db.Tags.AnyAsync(t => t.Slug == "validated-only")));
    }

    [Fact]
    public async Task Report_works_per_batch_item()
    {
        await using var server = await NewsGraphServer.StartAsync();
        var (_, _, body) = await PostAsync(server.Http, Batch(Titles, "{ __typename }"), cost: "report");

        Assert.Equal(2, body![0]!["data"]!["articles"]!["nodes"]!.AsArray().Count);
        Assert.Equal(TitlesFieldCost, (double)body[0]!["extensions"]!["operationCost"]!["fieldCost"]!);
        Assert.Equal("""{"fieldCost":0,"typeCost":1}""", body[1]!["extensions"]!["operationCost"]!.ToJsonString());
    }

    [Fact]
    public async Task Each_batch_item_is_held_to_the_per_operation_limits()
    {
        await using var server = await NewsGraphServer.StartAsync([new("GraphQL:Limits:MaxFieldCost", "10")]);
        var (_, _, body) = await PostAsync(server.Http, Batch("{ __typename }", Titles, "{ __typename }"));

        Assert.Equal("Query", (string?)body![0]!["data"]!["__typename"]);
        Assert.Equal("HC0047", Code(body[1]));
        Assert.Equal("Query", (string?)body[2]!["data"]!["__typename"]);
    }

    [Fact]
    public async Task A_batch_spends_from_one_budget_and_an_operation_that_would_overspend_is_refused_before_it_runs()
    {
        // Room for two of the three: each fits the per-operation limit, together they do not fit the batch's.
        await using var server = await NewsGraphServer.StartAsync([new("GraphQL:Limits:MaxBatchFieldCost", "50")]);
        server.SqlCommands.Reset();
        var (status, _, body) = await PostAsync(server.Http, Batch(Titles, Titles, Titles, "{ __typename }"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(body![0]!["data"]!["articles"]);
        Assert.NotNull(body[1]!["data"]!["articles"]);
        Assert.Equal("BATCH_COST_EXCEEDED", Code(body[2]));
        Assert.Equal(
            "The maximum allowed field cost of the batch was exceeded. The operation has a field cost of 20, the operations before it in the batch spent 40, and the batch may spend 50.",
            Message(body[2]));
        Assert.Null(body[2]!["data"]);
        // Free operations still fit.
        Assert.Equal("Query", (string?)body[3]!["data"]!["__typename"]);

        // Alone, the same operation passes: the budget is per batch.
        Assert.NotNull((await PostAsync(server.Http, Batch(Titles))).Body![0]!["data"]!["articles"]);
    }

    [Fact]
    public async Task The_default_batch_budget_is_one_operations_limit()
    {
        await using var server = await NewsGraphServer.StartAsync();
        // 10 + 1 + 50 * (10 + 10 + 1 + 50 * 10) is over the limit; a full page of teasers, cost 1,511, fits it three times.
        const string Page = "{ articles(first: 50) { nodes { title author { name } category { name } tags { name } } } }";
        var (_, _, body) = await PostAsync(server.Http, Batch(Page, Page, Page, Page));

        Assert.NotNull(body![0]!["data"]!["articles"]);
        Assert.NotNull(body[2]!["data"]!["articles"]);
        Assert.Equal("BATCH_COST_EXCEEDED", Code(body[3]));
    }
}
