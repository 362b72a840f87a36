using System.Globalization;
using System.Text;
using NewsGraph.Benchmarks.Infrastructure;
using Spectre.Console;

namespace NewsGraph.Benchmarks.Security;

internal sealed record TimeoutBenchmarkOptions(string ServerDll, string DatabasePath, int Articles, int Parallel, TimeSpan Timeout, int BaselineRequests);

/// <summary>
/// Whether the execution timeout bounds the work: <c>--parallel</c> slow searches (a <c>contains</c> that matches no
/// body, so every row is scanned) at once against a server with a short <c>GraphQL:Limits:ExecutionTimeout</c>, and
/// half a second later a small query. Reported: when each slow query was answered and with what, against the
/// configured timeout, and the small query's latency during the burst against its median when the server is idle,
/// measured in the same run (the baseline).
/// </summary>
internal static class TimeoutBenchmark
{
    private static readonly byte[] Slow = Encoding.UTF8.GetBytes("""{"query":"{ articles(where: { body: { contains: \"zzzz-not-there\" } }) { nodes { title } } }"}""");
    private static readonly byte[] Small = Encoding.UTF8.GetBytes("""{"query":"{ articles(first: 3) { nodes { title } } }"}""");

    public static async Task<int> RunAsync(TimeoutBenchmarkOptions options, CancellationToken ct)
    {
        await Catalogue.EnsureAsync(options.DatabasePath, options.Articles, seed: 42, reseed: false, ct);
        // No proxy: the only traffic this benchmark sends is to the loopback server it starts.
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = options.Parallel + 2 })
        {
            Timeout = TimeSpan.FromMinutes(2),
        };
        var timeout = options.Timeout.ToString("c", CultureInfo.InvariantCulture);
        await using var server = await ServerProcess.StartAsync(
            options.ServerDll, options.DatabasePath, "Production", [$"GraphQL:Limits:ExecutionTimeout={timeout}"], http, ct);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[bold]timeout[/]: {options.ServerDll}, {options.Articles} articles, {options.Parallel} parallel slow searches, ExecutionTimeout {timeout}");

        var idle = new List<double>();
        for (var i = 0; i < options.BaselineRequests; i++)
        {
            idle.Add((await TimedPost.SendAsync(http, server.Endpoint, Small, ct)).Milliseconds);
        }

        var slow = Enumerable.Range(0, options.Parallel).Select(_ => TimedPost.SendAsync(http, server.Endpoint, Slow, ct)).ToList();
        await Task.Delay(500, ct);
        var during = await TimedPost.SendAsync(http, server.Endpoint, Small, ct);
        var answers = await Task.WhenAll(slow);

        var baseline = LatencyStats.From(idle).Median;
        var times = LatencyStats.From([.. answers.Select(a => a.Milliseconds)]);
        var table = new Table().AddColumns("measure", "value", "ratio");
        table.AddRow("slow searches answered after (min - max)", $"{times.Min / 1000:F2} - {times.Max / 1000:F2} s", $"{times.Max / options.Timeout.TotalMilliseconds:F2}x the timeout");
        table.AddRow("their answers", Markup.Escape(string.Join(", ", answers.GroupBy(a => a.Answer ?? "no answer (connection failed)").Select(g => $"{g.Count()} x {g.Key}"))), "");
        table.AddRow("small query sent 0.5 s into the burst", $"{during.Milliseconds:F1} ms ({Markup.Escape(during.Answer ?? "no answer")})", $"{during.Milliseconds / baseline:F1}x idle");
        table.AddRow("small query, idle server (baseline, median)", $"{baseline:F2} ms over {idle.Count}", "1.0x");
        AnsiConsole.Write(table);
        return 0;
    }
}
