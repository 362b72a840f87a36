using System.Text.Json;
using NewsGraph.Server.Tests.TestHosting;
using Xunit.Abstractions;

namespace NewsGraph.Server.Tests.EndToEnd;

/// <summary>The graphql-http npm package's conformance audits (GraphQL over HTTP) against a real server.</summary>
[Collection(SharedServer.Name)]
public sealed class GraphQLHttpAuditTests(ServerFixture fixture, ITestOutputHelper output)
{
    private const string SummaryPrefix = "AUDIT-SUMMARY ";

    [Fact]
    public async Task Every_must_and_should_audit_passes()
    {
        var url = new Uri(fixture.Server.BaseAddress, "/graphql").ToString();
        var result = await NodeScript.RunAsync("audit.mjs", ["--url", url], TimeSpan.FromMinutes(2));
        output.WriteLine(result.Output);

        var summaryLine = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.StartsWith(SummaryPrefix, StringComparison.Ordinal));
        Assert.True(summaryLine is not null, $"audit.mjs printed no summary (exit code {result.ExitCode}):\n{result.Output}");
        using var summary = JsonDocument.Parse(summaryLine![SummaryPrefix.Length..]);
        var failures = summary.RootElement.GetProperty("failed").EnumerateArray()
            .Select(f => $"{f.GetProperty("status").GetString()} {f.GetProperty("id").GetString()} {f.GetProperty("name").GetString()}: {f.GetProperty("reason").GetString()}")
            .ToList();

        Assert.True(failures.Count == 0, "Failed MUST/SHOULD audits:\n" + string.Join('\n', failures));
        Assert.True(summary.RootElement.GetProperty("total").GetInt32() >= 50, "The audit suite ran fewer audits than it has.");
        Assert.Equal(0, result.ExitCode);
    }
}
