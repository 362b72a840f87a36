using System.Globalization;
using System.Text;
using NewsGraph.Benchmarks.Infrastructure;
using NewsGraph.Server.Tests.Limits;
using Spectre.Console;

namespace NewsGraph.Benchmarks.Security;

internal sealed record HostileBenchmarkOptions(string ServerDll, string Environment, int Repeat, int CanaryRequests, IReadOnlyList<string> Only);

/// <summary>
/// How long a server takes to refuse each hostile request of the regression suite's catalogue (<see cref="HostileInputs"/>),
/// against a baseline measured in the same run: a canary query (the first page of articles, one title) on the same
/// server. For each input: its answer, the first send (cold: the refusal path is not compiled yet) and the median of
/// the following sends (warm), as milliseconds and as a ratio to the canary's median. A request that kills the server
/// is recorded as such and the server is started again. Point <c>--server</c> at an older build to measure "before".
/// </summary>
internal static class HostileBenchmark
{
    private const string Canary = """{"query":"{ articles(first: 1) { nodes { title } } }"}""";

    public static async Task<int> RunAsync(HostileBenchmarkOptions options, CancellationToken ct)
    {
        var directory = Directory.CreateTempSubdirectory("newsgraph-hostile-");
        // No proxy: the only traffic this benchmark sends is to the loopback server it starts.
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };
        var database = Path.Combine(directory.FullName, "newsgraph.db");
        var server = await ServerProcess.StartAsync(options.ServerDll, database, options.Environment, [], http, ct);
        try
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]hostile[/]: {options.ServerDll} ({options.Environment}), {options.Repeat} warm sends per input");

            // Warm the server's ordinary path first, so the canary baseline is the warmed-up rate.
            var canary = new List<double>();
            for (var i = 0; i < options.CanaryRequests; i++)
            {
                canary.Add((await TimedPost.SendAsync(http, server.Endpoint, Encoding.UTF8.GetBytes(Canary), ct)).Milliseconds);
            }

            var rows = new List<(HostileInput Input, string Answer, double Cold, double? WarmMedian)>();
            foreach (var input in HostileInputs.All.Where(i => options.Only.Count == 0 || options.Only.Any(o => i.Name.Contains(o, StringComparison.OrdinalIgnoreCase))))
            {
                var body = input.Body();
                var cold = await TimedPost.SendAsync(http, server.Endpoint, body, ct);
                if (cold.Answer is null)
                {
                    var died = await server.HasExitedAsync(TimeSpan.FromSeconds(5));
                    rows.Add((input, died ? "PROCESS DIED" : "no answer", cold.Milliseconds, null));
                    await server.DisposeAsync();
                    server = await ServerProcess.StartAsync(options.ServerDll, database, options.Environment, [], http, ct);
                    continue;
                }

                var warm = new List<double>();
                for (var i = 0; i < options.Repeat; i++)
                {
                    warm.Add((await TimedPost.SendAsync(http, server.Endpoint, body, ct)).Milliseconds);
                    // The canary between sends keeps the baseline from the same moments of the run.
                    canary.Add((await TimedPost.SendAsync(http, server.Endpoint, Encoding.UTF8.GetBytes(Canary), ct)).Milliseconds);
                }

                rows.Add((input, cold.Answer, cold.Milliseconds, LatencyStats.From(warm).Median));
            }

            var baseline = LatencyStats.From(canary).Median;
            var table = new Table().AddColumns("input", "answer", "expected", "cold ms", "warm median ms", "warm / canary");
            foreach (var (input, answer, cold, warmMedian) in rows)
            {
                table.AddRow(
                    Markup.Escape(input.Name),
                    Markup.Escape(answer),
                    Markup.Escape($"{(int)input.Status} {input.Code}"),
                    cold.ToString("F1", CultureInfo.InvariantCulture),
                    warmMedian?.ToString("F1", CultureInfo.InvariantCulture) ?? "-",
                    warmMedian is { } m ? (m / baseline).ToString("F1", CultureInfo.InvariantCulture) + "x" : "-");
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"baseline: canary query median {baseline:F2} ms over {canary.Count} requests in the same run");
            return 0;
        }
        finally
        {
            await server.DisposeAsync();
            directory.Delete(recursive: true);
        }
    }
}
