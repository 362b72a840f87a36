using System.Text.Json.Nodes;
using NewsGraph.Server.Tests.TestHosting;
using Xunit.Abstractions;

namespace NewsGraph.Server.Tests.EndToEnd;

/// <summary>
/// graphql-js's introspection query with an option schema tools turn on (the real npm package), and a client schema
/// built from the answer, which graphql-js checks thoroughly. (Its inputValueDeprecation option also asks for
/// includeDeprecated on directives' arguments, which GraphQL.NET 8.8.5 does not have yet.)
/// </summary>
[Collection(SharedServer.Name)]
public sealed class IntrospectionClientTests(ServerFixture fixture, ITestOutputHelper output)
{
    private const string SchemaPrefix = "SCHEMA ";

    [Fact]
    public async Task The_schema_builds_from_introspection_with_repeatable_directives()
    {
        var url = new Uri(fixture.Server.BaseAddress, "/graphql").ToString();
        var run = await NodeScript.RunAsync("introspect.mjs", ["--url", url, "--directiveIsRepeatable"], TimeSpan.FromMinutes(1));
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == 0, $"introspect.mjs exited with {run.ExitCode}:\n{run.Output}");
        var line = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith(SchemaPrefix, StringComparison.Ordinal));
        var summary = JsonNode.Parse(line[SchemaPrefix.Length..])!;
        Assert.True((int)summary["types"]! > 50, $"expected the whole schema, got {summary["types"]} types");
        var deprecated = summary["directives"]!.AsArray().Single(d => (string?)d!["name"] == "deprecated")!;
        Assert.False((bool)deprecated["isRepeatable"]!);
    }
}
