using System.Diagnostics;
using System.Net;

namespace NewsGraph.Benchmarks.Throughput;

/// <summary>What one stretch of load produced.</summary>
/// <param name="Latencies">Milliseconds per successful request, until its whole answer was read.</param>
/// <param name="Failures">Requests that failed, answered another status or another length than the checked answer.</param>
internal sealed record LoadResult(List<double> Latencies, int Failures, TimeSpan Elapsed)
{
    public static LoadResult Combine(IEnumerable<LoadResult> results)
    {
        var all = results.ToList();
        return new LoadResult([.. all.SelectMany(r => r.Latencies)], all.Sum(r => r.Failures), TimeSpan.FromTicks(all.Sum(r => r.Elapsed.Ticks)));
    }

    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Latencies.Count / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// A closed loop: each of <c>connections</c> workers sends a request, reads the whole answer, and sends the next, until
/// the time is up. The offered load adapts to the server, so req/s is its capacity at that concurrency.
/// </summary>
internal static class ClosedLoopLoad
{
    /// <param name="nextRequest">Given a running request number: the request and the length its answer must have.</param>
    public static async Task<LoadResult> RunAsync(
        HttpClient http, Func<long, (HttpRequestMessage Request, int ExpectedLength)> nextRequest, int connections, TimeSpan duration, CancellationToken ct)
    {
        long sequence = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(4096);
            var failures = 0;
            var buffer = new byte[64 * 1024];
            while (clock.Elapsed < duration)
            {
                var (request, expectedLength) = nextRequest(Interlocked.Increment(ref sequence));
                using (request)
                {
                    long started = Stopwatch.GetTimestamp();
                    if (await SendAsync(http, request, buffer, ct) == expectedLength)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    else
                    {
                        failures++;
                    }
                }
            }

            return (latencies, failures);
        }, ct)).ToList();

        var results = await Task.WhenAll(workers);
        clock.Stop();
        var all = new List<double>(results.Sum(r => r.latencies.Count));
        foreach (var (latencies, _) in results)
        {
            all.AddRange(latencies);
        }

        return new LoadResult(all, results.Sum(r => r.failures), clock.Elapsed);
    }

    /// <returns>The length of a 200 answer, or -1 for anything else.</returns>
    private static async Task<int> SendAsync(HttpClient http, HttpRequestMessage request, byte[] buffer, CancellationToken ct)
    {
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            int length = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                length += read;
            }

            return response.StatusCode == HttpStatusCode.OK ? length : -1;
        }
        catch (HttpRequestException)
        {
            return -1;
        }
    }
}
