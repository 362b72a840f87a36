using System.Diagnostics;
using System.Globalization;
using NewsGraph.Benchmarks.Infrastructure;
using Spectre.Console;

namespace NewsGraph.Benchmarks.Throughput;

/// <summary>
/// Issue 10's instrument: NewsGraph against a minimal API + EF Core baseline (and, with <c>Node</c>, a Node.js GraphQL Yoga
/// server) on the same database, five reads. Cold: each workload on a freshly started process of each server, for
/// <c>Cold</c> from its first answer (the time from process start to that answer is reported apart). Warm: one process
/// each, a warm-up with all workloads mixed, then interleaved rounds (one workload on one server at a time, who goes
/// first rotating), so drift on a shared machine hits every server alike.
/// </summary>
internal static class ThroughputBenchmark
{
    public static async Task<int> RunAsync(ThroughputOptions options, CancellationToken ct)
    {
        await Catalogue.EnsureAsync(options.DatabasePath, options.Articles, seed: 42, reseed: false, ct);
        if (options.ServerCpu is int cpu && Environment.ProcessorCount > 1 && OperatingSystem.IsLinux())
        {
            // The load generator keeps off the servers' core.
            long everyCore = (1L << Environment.ProcessorCount) - 1;
            Process.GetCurrentProcess().ProcessorAffinity = (nint)(everyCore & ~(1L << cpu));
        }

        // No proxy: the only traffic is to the loopback servers this benchmark starts.
        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = options.Connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            Timeout = TimeSpan.FromMinutes(1),
        };
        var launcher = new ServerLauncher(options, http);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[bold]throughput[/]: {options.ServerDll} vs the minimal API baseline{(options.Node ? " and the Node GraphQL Yoga server" : "")}, {options.Articles:N0} articles, {options.Connections} connections, cold window {options.Cold}, warm-up {options.Warmup}, {options.Rounds} rounds of {options.Round} per workload and server{(options.ServerCpu is int c ? $", servers pinned to CPU {c}" : "")}");

        var workloads = await new ThroughputPreparation(options, http, launcher).PrepareAsync(ct);
        if (workloads is null)
        {
            return 1;
        }

        var startups = options.Kinds.ToDictionary(kind => kind, _ => new List<TimeSpan>());
        var cold = await MeasureColdAsync(options, http, launcher, workloads, startups, ct);
        var (warm, soak) = await MeasureWarmAsync(options, http, launcher, workloads, ct);

        foreach (var peer in options.Kinds.Skip(1))
        {
            ThroughputReport.Print($"Cold: a fresh process per workload and server, the first {options.Cold.TotalSeconds:0.#} s from its first answer", workloads, cold, peer);
            ThroughputReport.Print($"Warm: after {options.Warmup} of mixed load, {options.Rounds} interleaved rounds of {options.Round.TotalSeconds:0.#} s", workloads, warm, peer);
        }

        ThroughputReport.PrintStartups(startups);
        if (soak.Count > 0)
        {
            MemorySoak.Print(soak);
        }

        return 0;
    }

    private static async Task<PhaseResults> MeasureColdAsync(
        ThroughputOptions options, HttpClient http, ServerLauncher launcher, IReadOnlyList<CheckedWorkload> workloads,
        Dictionary<ServerKind, List<TimeSpan>> startups, CancellationToken ct)
    {
        var results = new PhaseResults();
        for (int w = 0; w < workloads.Count; w++)
        {
            var workload = workloads[w];
            foreach (var kind in ServerKinds.Rotated(options.Kinds, w))
            {
                // The workload itself is the readiness probe: its first answer is the time to first response.
                await using var server = await launcher.StartAsync(kind, workload.Workload, ct);
                startups[kind].Add(server.Process.TimeToFirstResponse);
                // The window opens at the first answer, not at process start: a start slowed by a busy machine would
                // otherwise leave nothing to measure, and the startup is reported on its own.
                var result = await ClosedLoopLoad.RunAsync(
                    http, _ => (workload.Workload.RequestTo(server), workload.ExpectedLength(kind)), options.Connections, options.Cold, ct);
                results.Add(workload.Workload, kind, result);
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"  cold {workload.Workload.Name}, {kind.Label()}: first answer after {server.Process.TimeToFirstResponse.TotalMilliseconds:N0} ms, then {result.RequestsPerSecond:N0} req/s");
            }
        }

        return results;
    }

    private static async Task<(PhaseResults Results, IReadOnlyList<SoakSample> Soak)> MeasureWarmAsync(
        ThroughputOptions options, HttpClient http, ServerLauncher launcher, IReadOnlyList<CheckedWorkload> workloads, CancellationToken ct)
    {
        await using var servers = await launcher.StartAllAsync(workloads[0].Workload, ct);

        // Warm-up: every workload in turn on every connection, in slices that alternate between the servers.
        var slice = options.Round < options.Warmup ? options.Round : options.Warmup;
        for (var warmed = TimeSpan.Zero; warmed < options.Warmup; warmed += slice)
        {
            foreach (var server in servers.All)
            {
                var mixed = await ClosedLoopLoad.RunAsync(
                    http,
                    n =>
                    {
                        var next = workloads[(int)(n % workloads.Count)];
                        return (next.Workload.RequestTo(server), next.ExpectedLength(server.Kind));
                    },
                    options.Connections, slice, ct);
                if (mixed.Failures > 0)
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]  warm-up on {server.Kind.Label()}: {mixed.Failures} failed requests[/]");
                }
            }
        }

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  warm-up done ({options.Warmup} per server)");
        var results = new PhaseResults();
        for (int round = 0; round < options.Rounds; round++)
        {
            for (int w = 0; w < workloads.Count; w++)
            {
                var workload = workloads[w];
                foreach (var kind in ServerKinds.Rotated(options.Kinds, round + w))
                {
                    var server = servers[kind];
                    results.Add(workload.Workload, kind, await ClosedLoopLoad.RunAsync(
                        http, _ => (workload.Workload.RequestTo(server), workload.ExpectedLength(kind)), options.Connections, options.Round, ct));
                }
            }

            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  warm round {round + 1} of {options.Rounds} done");
        }

        var soak = options.Soak > TimeSpan.Zero
            ? await MemorySoak.RunAsync(http, servers[ServerKind.NewsGraph], workloads, options.Connections, options.Soak, ct)
            : [];
        return (results, soak);
    }
}
