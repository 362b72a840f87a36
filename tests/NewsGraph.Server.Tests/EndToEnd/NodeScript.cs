using System.Diagnostics;
using System.Text;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.EndToEnd;

/// <summary>Runs a Node.js script of <c>tests/e2e</c> (real JavaScript clients) and collects its output.</summary>
public static class NodeScript
{
    public sealed record Result(int ExitCode, string Output);

    public static string Directory { get; } = RepositoryFiles.PathOf("tests", "e2e");

    public static async Task<Result> RunAsync(string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        // No Skip: tests/run.sh installs node_modules here; failing loudly beats a silently skipped browser test.
        Assert.True(File.Exists(Path.Combine(Directory, "node_modules", ".package-lock.json")),
            $"tests/e2e has no node_modules: run `npm ci` in {Directory} (tests/run.sh does).");

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            // The script's own timeouts are shorter; this only stops a hung browser from hanging the suite.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Append(output, $"[killed after {timeout}]");
        }

        // WaitForExitAsync also waits for the redirected streams to reach end of file.
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
