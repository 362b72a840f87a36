namespace NewsGraph.Benchmarks.Infrastructure;

/// <summary>Runs several variants round-robin, one request at a time, so drift over the run affects each equally.</summary>
internal static class Interleaved
{
    /// <param name="variants">Each call performs one request and returns its latency in milliseconds.</param>
    public static async Task<LatencyStats[]> MeasureAsync(
        IReadOnlyList<Func<CancellationToken, Task<double>>> variants, int warmup, int iterations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(variants);
        for (int i = 0; i < warmup; i++)
        {
            foreach (int v in Rotation(variants.Count, i))
            {
                await variants[v](ct);
            }
        }

        var samples = variants.Select(_ => new List<double>(iterations)).ToArray();
        for (int i = 0; i < iterations; i++)
        {
            // Rotating who goes first cancels any "second request after a cheap/expensive one" effect.
            foreach (int v in Rotation(variants.Count, i))
            {
                samples[v].Add(await variants[v](ct));
            }
        }

        return [.. samples.Select(LatencyStats.From)];
    }

    private static IEnumerable<int> Rotation(int count, int iteration) =>
        Enumerable.Range(0, count).Select(k => (k + iteration) % count);
}
