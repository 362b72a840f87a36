using NewsGraph.Benchmarks.Security;

namespace NewsGraph.Benchmarks.Throughput;

/// <summary>Starts a fresh NewsGraph or baseline process on the benchmark's database, ready once it answered <c>probe</c>.</summary>
internal sealed class ServerLauncher(ThroughputOptions options, HttpClient http)
{
    /// <summary>The hidden verb the baseline runs under.</summary>
    public const string BaselineVerb = "throughput-baseline";

    public async Task<ServerUnderTest> StartAsync(ServerKind kind, Workload probe, CancellationToken ct)
    {
        var process = kind == ServerKind.NewsGraph
            ? await ServerProcess.StartAsync(
                options.ServerDll, options.DatabasePath, "Production", [],
                new ServerStart(http, baseAddress => probe.NewsGraphRequest(new Uri(baseAddress, "graphql")), options.ServerCpu), ct)
            : await ServerProcess.StartBenchVerbAsync(
                BaselineVerb, ["--database", options.DatabasePath],
                new ServerStart(http, probe.BaselineRequest, options.ServerCpu), ct);
        return new ServerUnderTest(kind, process);
    }
}
