using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Tests.Mutations;
using NewsGraph.Server.Tests.TestHosting;
using static NewsGraph.Server.Tests.Batching.BatchHttp;

namespace NewsGraph.Server.Tests.Batching;

/// <summary>A JSON array of operations in one POST (Apollo's BatchHttpLink, Hot Chocolate's request batching) over a real server.</summary>
public sealed class RequestBatchingTests
{
    private const string Titles = "{ articles(first: 2) { nodes { title } } }";
    private const string Slug = """{ articleBySlug(slug: "chinas-xi-jinping-visits-russia") { title } }""";

    [Theory]
    [InlineData("application/json", "application/json")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json,application/json;q=0.9", "application/graphql-response+json")]
    public async Task A_batch_is_answered_with_a_json_array_of_results_in_order_with_200(string accept, string contentType)
    {
        await using var server = await NewsGraphServer.StartAsync();

        var (status, type, body) = await PostAsync(server.Http, Batch(Slug, "{ articles { noSuchField } }", Titles), accept);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(contentType, type);
        var results = body!.AsArray();
        Assert.Equal(3, results.Count);
        Assert.StartsWith("China's Xi Jinping Visits Russia", (string?)results[0]!["data"]!["articleBySlug"]!["title"], StringComparison.Ordinal);
        Assert.Null(results[0]!["errors"]);
        // The invalid operation gets its own errors, without data, and does not stop the ones after it.
        Assert.Null(results[1]!["data"]);
        Assert.Contains("noSuchField", Message(results[1]), StringComparison.Ordinal);
        Assert.Equal(2, results[2]!["data"]!["articles"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_batch_above_the_maximum_size_is_refused_whole_and_nothing_runs()
    {
        await using var server = await NewsGraphServer.StartAsync([new("Http:MaxBatchSize", "3")]);
        (await PostAsync(server.Http, Batch(Titles, Titles, Titles))).Body!.AsArray();

        server.SqlCommands.Reset();
        var (status, _, body) = await PostAsync(server.Http, Batch(Titles, Titles, Titles, Titles));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BATCH_TOO_LARGE", Code(body));
        Assert.Equal("The batch has 4 operations, which exceeds the max allowed batch size of 3. Nothing was executed.", Message(body));
        Assert.Empty(server.SqlCommands.Commands);
    }

    [Fact]
    public async Task The_default_maximum_batch_size_is_25()
    {
        await using var server = await NewsGraphServer.StartAsync();
        Assert.Equal(25, (await PostAsync(server.Http, Batch([.. Enumerable.Repeat("{ __typename }", 25)]))).Body!.AsArray().Count);
        Assert.Equal("BATCH_TOO_LARGE", Code((await PostAsync(server.Http, Batch([.. Enumerable.Repeat("{ __typename }", 26)]))).Body));
    }

    [Theory]
    [InlineData("[]", "BATCH_EMPTY", "The batch is empty: send at least one GraphQL request in the JSON array.")]
    [InlineData("  [ ]", "BATCH_EMPTY", "The batch is empty: send at least one GraphQL request in the JSON array.")]
    [InlineData("""[{"query":"{ __typename }"}, 42]""", "BATCH_INVALID", "Item 1 of the batch is a number, not a GraphQL request (a JSON object). Nothing was executed.")]
    [InlineData("""[{"query":"{ __typename }"}, "{ __typename }"]""", "BATCH_INVALID", "Item 1 of the batch is a string, not a GraphQL request (a JSON object). Nothing was executed.")]
    [InlineData("""[null]""", "BATCH_INVALID", "Item 0 of the batch is null, not a GraphQL request (a JSON object). Nothing was executed.")]
    [InlineData("""[[{"query":"{ __typename }"}]]""", "BATCH_INVALID", "Item 0 of the batch is an array, not a GraphQL request (a JSON object). Nothing was executed.")]
    [InlineData("""[{"query":"{ __typename }"}, {"query": 5}]""", "BATCH_INVALID", null)]
    [InlineData("""[{"query":"{ __typename }"}, {"variables": "x", "query": "{ __typename }"}]""", "BATCH_INVALID", null)]
    [InlineData("""[{"query":"{ __typename }"}""", "JSON_INVALID", "The request body is not valid JSON.")]
    public async Task A_malformed_batch_is_a_clear_400_and_nothing_runs(string body, string code, string? message)
    {
        await using var server = await NewsGraphServer.StartAsync();
        var (status, _, answer) = await PostAsync(server.Http, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, Code(answer));
        if (message is not null)
        {
            Assert.Equal(message, Message(answer));
        }
        else
        {
            Assert.StartsWith("Item 1 of the batch is not a valid GraphQL request", Message(answer), StringComparison.Ordinal);
        }

        Assert.Null(answer!["data"]);
    }

    [Fact]
    public async Task An_item_without_a_query_gets_its_own_error_and_the_others_run()
    {
        await using var server = await NewsGraphServer.StartAsync();
        var (status, _, body) = await PostAsync(server.Http, """[{"operationName":"x"}, {"query":"{ __typename }"}]""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("QUERY_MISSING", Code(body![0]));
        Assert.Equal("Query", (string?)body[1]!["data"]!["__typename"]);
    }

    [Fact]
    public async Task Batching_can_be_switched_off()
    {
        await using var server = await NewsGraphServer.StartAsync([new("Http:EnableBatching", "false")]);
        var (status, _, body) = await PostAsync(server.Http, Batch(Titles));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BATCHED_REQUESTS_NOT_SUPPORTED", Code(body));
        Assert.Equal("Query", (string?)(await PostAsync(server.Http, """{"query":"{ __typename }"}""")).Body!["data"]!["__typename"]);
    }

    [Fact]
    public async Task Mutations_run_in_the_order_of_the_batch_and_a_query_after_them_sees_their_writes()
    {
        await using var editor = await EditorServer.StartAsync();
        const string Create = """mutation { createTag(input: { name: "NAME", slug: "batch-order" }) { tag { name } errors { __typename } } }""";

        var (status, _, body) = await PostAsync(
            editor.Server.Http,
            Batch("""{ tagBySlug(slug: "batch-order") { name } }""", Create.Replace("NAME", "First", StringComparison.Ordinal), Create.Replace("NAME", "Second", StringComparison.Ordinal), """{ tagBySlug(slug: "batch-order") { name } }"""),
            apiKey: EditorServer.ApiKey);

        Assert.Equal(HttpStatusCode.OK, status);
        var results = body!.AsArray();
        Assert.Null(results[0]!["data"]!["tagBySlug"]);
        Assert.Equal("First", (string?)results[1]!["data"]!["createTag"]!["tag"]!["name"]);
        Assert.Equal("SlugTakenError", (string?)results[2]!["data"]!["createTag"]!["errors"]![0]!["__typename"]);
        // Each operation has its own service scope: the last query is not served the first one's (empty) read.
        Assert.Equal("First", (string?)results[3]!["data"]!["tagBySlug"]!["name"]);
        Assert.Equal("First", await editor.DatabaseAsync(db => db.Tags.Where(t => t.Slug == "batch-order").Select(t => t.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_subscription_in_a_batch_is_refused_for_that_item_only()
    {
        await using var server = await NewsGraphServer.StartAsync();
        var (status, _, body) = await PostAsync(server.Http, Batch("subscription { onArticlePublished { title } }", "{ __typename }"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("SUBSCRIPTION_TRANSPORT_REQUIRED", Code(body![0]));
        Assert.Null(body[0]!["data"]);
        Assert.Equal("Query", (string?)body[1]!["data"]!["__typename"]);
    }

    [Fact]
    public async Task Persisted_operations_work_per_item()
    {
        await using var server = await NewsGraphServer.StartAsync();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("{ __typename }")));
        var apq = new JsonObject { ["extensions"] = new JsonObject { ["persistedQuery"] = new JsonObject { ["version"] = 1, ["sha256Hash"] = hash } } };
        var register = new JsonObject { ["query"] = "{ __typename }", ["extensions"] = apq["extensions"]!.DeepClone() };

        var (_, _, body) = await PostAsync(server.Http, new JsonArray(apq.DeepClone(), register, apq.DeepClone(), new JsonObject { ["id"] = "unknown" }).ToJsonString());

        var results = body!.AsArray();
        Assert.Equal("PersistedQueryNotFound", Message(results[0]));
        Assert.Equal("Query", (string?)results[1]!["data"]!["__typename"]);
        Assert.Equal("Query", (string?)results[2]!["data"]!["__typename"]);
        Assert.Equal("HC0020", Code(results[3]));
    }

    [Fact]
    public async Task A_batch_with_an_event_stream_accept_header_is_answered_as_json_when_json_is_accepted_too()
    {
        await using var server = await NewsGraphServer.StartAsync();
        var (status, type, body) = await PostAsync(server.Http, Batch(Titles, "{ __typename }"), "application/json, text/event-stream");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", type);
        Assert.Equal(2, body!.AsArray().Count);

        var (refused, _, error) = await PostAsync(server.Http, Batch(Titles), "text/event-stream");
        Assert.Equal(HttpStatusCode.NotAcceptable, refused);
        Assert.Equal("BATCHED_REQUESTS_NOT_SUPPORTED", Code(error));
    }
}
