using System.Globalization;
using NewsGraph.Benchmarks.Infrastructure;
using Spectre.Console;

namespace NewsGraph.Benchmarks.Throughput;

/// <summary>The tables: req/s, p50 and p99 per workload and server, and NewsGraph's share of the baseline.</summary>
internal static class ThroughputReport
{
    public static void Print(string title, IReadOnlyList<CheckedWorkload> workloads, PhaseResults results)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(title)) }
            .AddColumns("workload", "NewsGraph req/s", "p50 ms", "p99 ms", "baseline req/s", "p50 ms", "p99 ms", "req/s ratio", "p50 ratio", "failed");
        foreach (var workload in workloads)
        {
            var newsGraph = results.Of(workload.Workload, ServerKind.NewsGraph);
            var baseline = results.Of(workload.Workload, ServerKind.Baseline);
            var ng = Stats(newsGraph);
            var bl = Stats(baseline);
            table.AddRow(
                Markup.Escape(workload.Workload.Name),
                Number(newsGraph?.RequestsPerSecond, "N0"), Number(ng?.Median, "F2"), Number(ng?.P99, "F2"),
                Number(baseline?.RequestsPerSecond, "N0"), Number(bl?.Median, "F2"), Number(bl?.P99, "F2"),
                Ratio(newsGraph?.RequestsPerSecond, baseline?.RequestsPerSecond),
                Ratio(ng?.Median, bl?.Median),
                string.Create(CultureInfo.InvariantCulture, $"{newsGraph?.Failures ?? 0} / {baseline?.Failures ?? 0}"));
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
            table.AddRow(kind.ToString(), Number(stats.Median, "N0"), Number(stats.Min, "N0"), Number(stats.Max, "N0"), stats.Count.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
    }

    private static LatencyStats? Stats(LoadResult? result) =>
        result is { Latencies.Count: > 0 } ? LatencyStats.From(result.Latencies) : null;

    private static string Number(double? value, string format) =>
        value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";

    private static string Ratio(double? newsGraph, double? baseline) =>
        newsGraph is double n && baseline is double b && b > 0 ? (n / b).ToString("F2", CultureInfo.InvariantCulture) + "x" : "-";
}
