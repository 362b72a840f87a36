using NewsGraph.Server.Tests.TestHosting;
using Xunit.Abstractions;

namespace NewsGraph.Server.Tests.EndToEnd;

/// <summary>
/// Headless Chromium against a real server, offline: every request off the machine is aborted (ide.mjs), and the
/// IDE still loads from the server, introspects our endpoint and runs typed queries, also after its delayed
/// background calls would have run. Needs /usr/bin/chromium and tests/e2e/node_modules, both installed by
/// tests/run.sh.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class BananaCakePopBrowserTests(ServerFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Ide_works_offline_introspects_the_schema_and_runs_typed_queries()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Chromium is missing: tests/run.sh installs Debian's chromium package.");
        var server = fixture.Server;
        var titles = (await server.PostAsync("{ articles(first: 2) { nodes { title } } }")).SuccessfulData()["articles"]!["nodes"]!
            .AsArray().Select(n => n!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(2, titles.Count);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "ide.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);
        List<string> arguments = ["--url", new Uri(server.BaseAddress, "/graphql").ToString(), "--screenshot", screenshot, "--timeout", "60000"];
        foreach (var title in titles)
        {
            arguments.AddRange(["--expect", title]);
        }

        var result = await NodeScript.RunAsync("ide.mjs", arguments, TimeSpan.FromMinutes(5));
        output.WriteLine(result.Output);
        output.WriteLine($"Screenshot: {screenshot}");

        Assert.True(result.ExitCode == 0, $"ide.mjs exited with {result.ExitCode}:\n{result.Output}");
        Assert.Contains("introspection: POST", result.Output, StringComparison.Ordinal);
        Assert.Contains("response pane shows: ", result.Output, StringComparison.Ordinal);
        Assert.Contains("(under \"stillWorks\")", result.Output, StringComparison.Ordinal);
        // With the default configuration the IDE phones no one: not its vendor's telemetry, no CDN, nothing.
        Assert.Contains("off-machine requests: 0 attempted, 0 answered", result.Output, StringComparison.Ordinal);
        Assert.Contains("IDE OK", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(screenshot), $"No screenshot at {screenshot}");
    }
}
