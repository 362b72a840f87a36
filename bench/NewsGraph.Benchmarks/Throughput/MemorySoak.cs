using System.Globalization;
using Spectre.Console;

namespace NewsGraph.Benchmarks.Throughput;

/// <summary>One slice of the soak: the load it carried and the server's working set at its end.</summary>
internal sealed record SoakSample(TimeSpan At, double RequestsPerSecond, int Failures, long WorkingSetBytes);

/// <summary>
/// Issue 10's memory check: the warmed-up NewsGraph process under the mixed load for a long stretch, its working set
/// read after every slice. Steady means the last samples are no larger than those after the first minute, within
/// the noise of the GC (it keeps freed memory committed for a while).
/// </summary>
internal static class MemorySoak
{
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(30);

    public static async Task<IReadOnlyList<SoakSample>> RunAsync(
        HttpClient http, ServerUnderTest server, IReadOnlyList<CheckedWorkload> workloads, int connections, TimeSpan duration, CancellationToken ct)
    {
        var samples = new List<SoakSample>();
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += Slice)
        {
            var load = await ClosedLoopLoad.RunAsync(
                http,
                n =>
                {
                    var next = workloads[(int)(n % workloads.Count)];
                    return (next.Workload.RequestTo(server), next.ExpectedLength(server.Kind));
                },
                connections, Slice, ct);
            samples.Add(new SoakSample(elapsed + Slice, load.RequestsPerSecond, load.Failures, server.Process.WorkingSetBytes));
        }

        return samples;
    }

    public static void Print(IReadOnlyList<SoakSample> samples)
    {
        var table = new Table().AddColumns("after", "req/s (mixed)", "failed", "working set MB");
        foreach (var sample in samples)
        {
            table.AddRow(
                sample.At.ToString(@"mm\:ss", CultureInfo.InvariantCulture),
                sample.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                sample.Failures.ToString(CultureInfo.InvariantCulture),
                (sample.WorkingSetBytes / 1024d / 1024d).ToString("N1", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(new Panel(table).Header("NewsGraph's working set under the mixed load (soak, after the warm rounds)"));
        if (samples.Count >= 6)
        {
            // After the first minute vs the last minute, medians of two samples each.
            double early = Median(samples.Skip(2).Take(2));
            double late = Median(samples.TakeLast(2));
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"working set: {early / 1024 / 1024:N1} MB after the first minute, {late / 1024 / 1024:N1} MB at the end ({(late - early) / early:+0.0%;-0.0%})");
        }
    }

    private static double Median(IEnumerable<SoakSample> samples)
    {
        var sorted = samples.Select(s => (double)s.WorkingSetBytes).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
