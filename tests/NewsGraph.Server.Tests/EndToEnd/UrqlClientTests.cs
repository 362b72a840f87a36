using System.Text.Json.Nodes;
using NewsGraph.Server.Tests.TestHosting;
using Xunit.Abstractions;

namespace NewsGraph.Server.Tests.EndToEnd;

/// <summary>
/// urql's core client with its default exchanges (the real npm package) against a real server: its Accept header lists
/// text/event-stream beside the JSON types on every request, and a plain query must still be answered as JSON.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class UrqlClientTests(ServerFixture fixture, ITestOutputHelper output)
{
    private const string ResultPrefix = "RESULT ";

    [Fact]
    public async Task A_query_through_urqls_default_exchanges_gets_its_data()
    {
        var result = await RunAsync("""{ articleBySlug(slug: "chinas-xi-jinping-visits-russia") { title author { name } } }""");

        Assert.Equal("William Willis", (string?)result["data"]!["articleBySlug"]!["author"]!["name"]);
        Assert.Empty(result["errors"]!.AsArray());
    }

    [Fact]
    public async Task A_query_that_fails_validation_reaches_urql_as_graphql_errors()
    {
        var result = await RunAsync("{ articles { noSuchField } }");

        Assert.Null(result["data"]);
        Assert.Contains("noSuchField", (string?)result["errors"]![0], StringComparison.Ordinal);
    }

    private async Task<JsonNode> RunAsync(string query)
    {
        var url = new Uri(fixture.Server.BaseAddress, "/graphql").ToString();
        var run = await NodeScript.RunAsync("urql-query.mjs", ["--url", url, "--query", query], TimeSpan.FromMinutes(1));
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == 0, $"urql-query.mjs exited with {run.ExitCode}:\n{run.Output}");
        var line = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        return JsonNode.Parse(line[ResultPrefix.Length..])!;
    }
}
