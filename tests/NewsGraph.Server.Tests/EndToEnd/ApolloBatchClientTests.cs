using System.Text.Json;
using System.Text.Json.Nodes;
using NewsGraph.Server.Tests.TestHosting;
using Xunit.Abstractions;

namespace NewsGraph.Server.Tests.EndToEnd;

/// <summary>
/// Apollo Client 4's BatchHttpLink (the real npm package) against a real server: queries issued together travel in one
/// HTTP request (a JSON array) and each gets its own answer from the JSON array that comes back, errors included.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class ApolloBatchClientTests(ServerFixture fixture, ITestOutputHelper output)
{
    private const string ResultPrefix = "RESULT ";

    [Fact]
    public async Task Queries_issued_together_go_in_one_request_and_each_gets_its_own_answer()
    {
        var result = await RunAsync(
            """{ articleBySlug(slug: "chinas-xi-jinping-visits-russia") { title author { name } } }""",
            "{ articles(first: 3) { nodes { title } } }",
            "{ articles { noSuchField } }",
            "{ __typename }");

        // One HTTP request carried all four operations.
        Assert.Equal("[4]", result["requests"]!.ToJsonString());
        var results = result["results"]!.AsArray();
        Assert.Equal("William Willis", (string?)results[0]!["data"]!["articleBySlug"]!["author"]!["name"]);
        Assert.Empty(results[0]!["errors"]!.AsArray());
        Assert.Equal(3, results[1]!["data"]!["articles"]!["nodes"]!.AsArray().Count);
        Assert.Contains("noSuchField", (string?)results[2]!["errors"]![0], StringComparison.Ordinal);
        Assert.Equal("Query", (string?)results[3]!["data"]!["__typename"]);
    }

    private async Task<JsonNode> RunAsync(params string[] queries)
    {
        var url = new Uri(fixture.Server.BaseAddress, "/graphql").ToString();
        var run = await NodeScript.RunAsync("apollo-batch.mjs", ["--url", url, "--queries", JsonSerializer.Serialize(queries)], TimeSpan.FromMinutes(1));
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == 0, $"apollo-batch.mjs exited with {run.ExitCode}:\n{run.Output}");
        var line = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        return JsonNode.Parse(line[ResultPrefix.Length..])!;
    }
}
