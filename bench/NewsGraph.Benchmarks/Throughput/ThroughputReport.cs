using System.Globalization;
using NewsGraph.Benchmarks.Infrastructure;
using Spectre.Console;

namespace NewsGraph.Benchmarks.Throughput;

/// <summary>The tables: req/s, p50 and p99 per workload, of NewsGraph and one peer (the baseline, the Node server), and NewsGraph's share of the peer.</summary>
internal static class ThroughputReport
{
    public static void Print(string title, IReadOnlyList<CheckedWorkload> workloads, PhaseResults results, ServerKind peer)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape($"{title}: NewsGraph vs {peer.Label()}")) }
            .AddColumns("workload", "NewsGraph req/s", "p50 ms", "p99 ms", $"{peer.Label()} req/s", "p50 ms", "p99 ms", "req/s ratio", "p50 ratio", "failed");
        foreach (var workload in workloads)
        {
            var newsGraph = results.Of(workload.Workload, ServerKind.NewsGraph);
            var other = results.Of(workload.Workload, peer);
            var ng = Stats(newsGraph);
            var ot = Stats(other);
            table.AddRow(
                Markup.Escape(workload.Workload.Name),
                Number(newsGraph?.RequestsPerSecond, "N0"), Number(ng?.Median, "F2"), Number(ng?.P99, "F2"),
                Number(other?.RequestsPerSecond, "N0"), Number(ot?.Median, "F2"), Number(ot?.P99, "F2"),
                Ratio(newsGraph?.RequestsPerSecond, other?.RequestsPerSecond),
                Ratio(ng?.Median, ot?.Median),
                string.Create(CultureInfo.InvariantCulture, $"{newsGraph?.Failures ?? 0} / {other?.Failures ?? 0}"));
        }

        AnsiConsole.Write(table);
    }

    public static void PrintStartups(Dictionary<ServerKind, List<TimeSpan>> startups)
    {
        var table = new Table { Title = new TableTitle("Time from process start to the first answer (one per cold start)") }
            .AddColumns("server", "median ms", "min ms", "max ms", "starts");
        foreach (var (kind, times) in startups.Where(s => s.Value.Count > 0))
        {
            var stats = LatencyStats.From([.. times.Select(t => t.TotalMilliseconds)]);
            table.AddRow(kind.Label(), Number(stats.Median, "N0"), Number(stats.Min, "N0"), Number(stats.Max, "N0"), stats.Count.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
    }

    private static LatencyStats? Stats(LoadResult? result) =>
        result is { Latencies.Count: > 0 } ? LatencyStats.From(result.Latencies) : null;

    private static string Number(double? value, string format) =>
        value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";

    private static string Ratio(double? newsGraph, double? other) =>
        newsGraph is double n && other is double b && b > 0 ? (n / b).ToString("F2", CultureInfo.InvariantCulture) + "x" : "-";
}
