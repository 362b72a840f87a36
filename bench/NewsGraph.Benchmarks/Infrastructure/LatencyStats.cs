namespace NewsGraph.Benchmarks.Infrastructure;

/// <summary>Median, p95, p99 and mean of a set of latencies in milliseconds.</summary>
internal sealed record LatencyStats(int Count, double Median, double P95, double Mean, double Min, double Max)
{
    /// <summary>99th percentile (interpolated like the others).</summary>
    public double P99 { get; init; }

    public static LatencyStats From(IReadOnlyCollection<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("No samples.", nameof(samples));
        }

        double[] sorted = [.. samples.Order()];
        return new LatencyStats(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted.Average(), sorted[0], sorted[^1])
        {
            P99 = Percentile(sorted, 0.99),
        };
    }

    // Linear interpolation between closest ranks: with 200 samples p95 sits between the 190th and 191st,
    // so it is not decided by a single outlier.
    private static double Percentile(double[] sorted, double p)
    {
        double rank = p * (sorted.Length - 1);
        int lower = (int)Math.Floor(rank);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower));
    }
}
