using System.Text.Json.Nodes;
using NewsGraph.Server.Tests.TestHosting;
using Xunit.Abstractions;

namespace NewsGraph.Server.Tests.EndToEnd;

/// <summary>
/// graphql-js's introspection query (the real npm package) with the options schema tools turn on, and a client schema
/// built from the answer, which graphql-js checks thoroughly.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class IntrospectionClientTests(ServerFixture fixture, ITestOutputHelper output)
{
    private const string SchemaPrefix = "SCHEMA ";

    [Fact]
    public async Task The_schema_builds_from_introspection_with_repeatable_directives()
    {
        var summary = await IntrospectAsync("--directiveIsRepeatable");

        var deprecated = summary["directives"]!.AsArray().Single(d => (string?)d!["name"] == "deprecated")!;
        Assert.False((bool)deprecated["isRepeatable"]!);
    }

    [Fact]
    public async Task The_schema_builds_from_introspection_with_every_option()
    {
        var summary = await IntrospectAsync(
            "--specifiedByUrl", "--directiveIsRepeatable", "--schemaDescription", "--inputValueDeprecation", "--oneOf");

        Assert.Equal("https://www.graphql-scalars.com/date-time", (string?)summary["specifiedByURLs"]!["DateTime"]);
        Assert.Null(summary["specifiedByURLs"]!["String"]);
        var specifiedBy = summary["directives"]!.AsArray().Single(d => (string?)d!["name"] == "specifiedBy")!;
        Assert.Equal("url", (string?)specifiedBy["args"]![0]);

        // No argument or input field of the schema is deprecated: every one answers isDeprecated false, no reason.
        Assert.True((int)summary["inputValues"]! > 100, $"expected the schema's arguments and input fields, got {summary["inputValues"]}");
        Assert.Equal((int)summary["inputValues"]!, (int)summary["inputValuesWithIsDeprecated"]!);
        Assert.Empty(summary["deprecatedInputValues"]!.AsArray());
        Assert.Equal(0, (int)summary["inputValuesWithDeprecationReason"]!);

        // No input object is OneOf, and every one says so.
        Assert.Empty(summary["oneOfInputTypes"]!.AsArray());
        Assert.True((int)summary["inputObjects"]! > 10);
        Assert.Equal((int)summary["inputObjects"]!, (int)summary["inputObjectsWithIsOneOf"]!);
    }

    private async Task<JsonNode> IntrospectAsync(params string[] options)
    {
        var url = new Uri(fixture.Server.BaseAddress, "/graphql").ToString();
        var run = await NodeScript.RunAsync("introspect.mjs", ["--url", url, .. options], TimeSpan.FromMinutes(1));
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == 0, $"introspect.mjs exited with {run.ExitCode}:\n{run.Output}");
        var line = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith(SchemaPrefix, StringComparison.Ordinal));
        var summary = JsonNode.Parse(line[SchemaPrefix.Length..])!;
        Assert.True((int)summary["types"]! > 50, $"expected the whole schema, got {summary["types"]} types");
        return summary;
    }
}
