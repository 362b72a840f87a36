using NewsGraph.Benchmarks.Security;

namespace NewsGraph.Benchmarks.Throughput;

/// <summary>Starts a fresh server process of any kind on the benchmark's database, ready once it answered <c>probe</c>.</summary>
internal sealed class ServerLauncher(ThroughputOptions options, HttpClient http)
{
    /// <summary>The hidden verb the baseline runs under.</summary>
    public const string BaselineVerb = "throughput-baseline";

    public async Task<ServerUnderTest> StartAsync(ServerKind kind, Workload probe, CancellationToken ct)
    {
        var graphQLProbe = new ServerStart(http, baseAddress => probe.GraphQLRequest(new Uri(baseAddress, "graphql")), options.ServerCpu);
        var process = kind switch
        {
            ServerKind.NewsGraph => await ServerProcess.StartAsync(options.ServerDll, options.DatabasePath, "Production", [], graphQLProbe, ct),
            ServerKind.Baseline => await ServerProcess.StartBenchVerbAsync(
                BaselineVerb, ["--database", options.DatabasePath], new ServerStart(http, probe.BaselineRequest, options.ServerCpu), ct),
            _ => await NodeYogaServer.StartAsync(options.DatabasePath, graphQLProbe, ct),
        };
        return new ServerUnderTest(kind, process);
    }

    /// <summary>One process of each kind measured, started one after the other.</summary>
    public async Task<RunningServers> StartAllAsync(Workload probe, CancellationToken ct)
    {
        var started = new List<ServerUnderTest>();
        try
        {
            foreach (var kind in options.Kinds)
            {
                started.Add(await StartAsync(kind, probe, ct));
            }

            return new RunningServers(started);
        }
        catch
        {
            await new RunningServers(started).DisposeAsync();
            throw;
        }
    }
}
