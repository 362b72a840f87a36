using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Observability;

/// <summary>
/// A span per GraphQL operation, named as the GraphQL semantic conventions ask, inside the ASP.NET Core request's span
/// and around its data loader batches (and their SQL); the document's hash, never its text.
/// </summary>
[Collection(ObservabilityTestGroup.Name)]
public sealed class OperationTracingTests
{
    private const string AuthorsWithArticles = "query ObservedAuthors { authors(first: 3) { nodes { name articles(first: 2) { nodes { title } } } } }";

    [Fact]
    public async Task A_named_query_is_one_span_with_its_type_name_and_hash_around_its_data_loader_batches()
    {
        var telemetry = new TelemetryCapture();
        await using var server = await NewsGraphServer.StartAsync(configureServices: telemetry.Configure);
        telemetry.Attach(server.Services);

        (await server.PostAsync(AuthorsWithArticles, operationName: "ObservedAuthors")).SuccessfulData();

        var operation = Assert.Single(telemetry.GraphQLSpans, span => span.DisplayName == "query ObservedAuthors");
        Assert.Equal("query", operation.GetTagItem("graphql.operation.type"));
        Assert.Equal("ObservedAuthors", operation.GetTagItem("graphql.operation.name"));
        Assert.Equal(Sha256(AuthorsWithArticles), operation.GetTagItem("graphql.document.hash"));
        Assert.NotEqual(ActivityStatusCode.Error, operation.Status);
        Assert.DoesNotContain(operation.TagObjects, tag => tag.Value is string text && text.Contains("authors(first", StringComparison.Ordinal));

        // Inside the request's span (which ends after the response went out, hence the wait)...
        await Wait.UntilAsync(
            () => telemetry.Spans.Any(span => span.SpanId == operation.ParentSpanId && span.Source.Name == "Microsoft.AspNetCore"),
            "the ASP.NET Core request span that is the operation span's parent");

        // ...and around the batch of the nested connections' loader, which holds the SQL it ran.
        var batch = Assert.Single(telemetry.GraphQLSpans, span => span.DisplayName == "DataLoader ArticlesByAuthorIdDataLoader");
        Assert.Equal(operation.SpanId, batch.ParentSpanId);
        Assert.Equal(operation.TraceId, batch.TraceId);
        Assert.Equal("ArticlesByAuthorIdDataLoader", batch.GetTagItem("graphql.dataloader.name"));
        Assert.Equal(3, batch.GetTagItem("graphql.dataloader.batch.size"));
        Assert.Contains(telemetry.Spans, span => span.ParentSpanId == batch.SpanId && span.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_anonymous_operation_is_named_by_its_type_and_one_that_never_ran_GraphQL_Operation_with_its_error()
    {
        var telemetry = new TelemetryCapture();
        await using var server = await NewsGraphServer.StartAsync(configureServices: telemetry.Configure);
        telemetry.Attach(server.Services);

        (await server.PostAsync("{ tags(first: 1) { nodes { name } } }")).SuccessfulData();
        var invalid = await server.PostAsync("query Broken { noSuchField }");
        var code = (string?)invalid.Errors![0]!["extensions"]!["code"];
        Assert.NotNull(code);

        var anonymous = Assert.Single(telemetry.GraphQLSpans, span => span.DisplayName == "query");
        Assert.Equal("query", anonymous.GetTagItem("graphql.operation.type"));
        Assert.Null(anonymous.GetTagItem("graphql.operation.name"));

        var failed = Assert.Single(telemetry.GraphQLSpans, span => span.DisplayName == "GraphQL Operation");
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal(code, failed.GetTagItem("error.type"));
        Assert.Null(failed.GetTagItem("graphql.operation.type"));
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
