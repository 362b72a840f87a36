using System.CommandLine;
using NewsGraph.Benchmarks.Infrastructure;
using NewsGraph.Benchmarks.Security;

namespace NewsGraph.Benchmarks.Throughput;

/// <summary>
/// <c>throughput [--server dll] [--database file] [--connections 16] [--warmup 00:02:00] [--round 00:00:05] [--rounds 3] [--soak 00:10:00] [--node false]</c>:
/// NewsGraph's read throughput and latency against a minimal API + EF Core baseline and a Node.js GraphQL Yoga server (issue 10).
/// </summary>
internal static class ThroughputCommand
{
    public static Command Create()
    {
        var server = BenchOptions.ServerBuild();
        var articles = BenchOptions.Articles();
        var database = BenchOptions.Database();
        var connections = new Option<int>("--connections") { Description = "Concurrent connections of the closed-loop load.", DefaultValueFactory = _ => 16 }.Positive();
        var cold = new Option<TimeSpan>("--cold") { Description = "How long a freshly started server is measured as cold, from its first answer.", DefaultValueFactory = _ => TimeSpan.FromSeconds(10) }.Positive();
        var warmup = new Option<TimeSpan>("--warmup") { Description = "Mixed load on each server before the warm rounds (two minutes: a server without tuned tiering needs ~75 s on one core).", DefaultValueFactory = _ => TimeSpan.FromMinutes(2) }.Positive();
        var round = new Option<TimeSpan>("--round") { Description = "How long one workload runs on one server in a warm round.", DefaultValueFactory = _ => TimeSpan.FromSeconds(5) }.Positive();
        var rounds = new Option<int>("--rounds") { Description = "Warm rounds (each runs every workload on both servers).", DefaultValueFactory = _ => 3 }.Positive();
        var depth = new Option<int>("--depth") { Description = "Rows before the deep keyset page.", DefaultValueFactory = _ => 90_000 }.Positive();
        var category = new Option<string>("--category") { Description = "Category slug of the category page (it and its subcategories).", DefaultValueFactory = _ => "news" };
        var search = new Option<string>("--search") { Description = "What the title search looks for (case-insensitive contains).", DefaultValueFactory = _ => "budget" };
        var slug = new Option<string?>("--slug") { Description = "Slug of the article page. Default: the newest article's." };
        var serverCpu = new Option<int?>("--server-cpu") { Description = "Pin the servers to this core with taskset, and the load generator to the others." };
        var node = new Option<bool>("--node")
        {
            Description = "Also measure the Node.js GraphQL Yoga server in bench/node-yoga (npm ci on first use). Default: true when node is on PATH.",
            DefaultValueFactory = _ => NodeYogaServer.NodeIsOnPath,
        };
        var soak = new Option<TimeSpan>("--soak") { Description = "After the warm rounds, mixed load on NewsGraph for this long, its working set sampled every 30 s (e.g. 00:10:00).", DefaultValueFactory = _ => TimeSpan.Zero };

        var command = new Command("throughput", "Read throughput and latency (req/s, p50, p99), cold and warm, of five page reads: NewsGraph against a minimal API + EF Core baseline and a Node.js GraphQL Yoga server.")
        {
            server, articles, database, connections, cold, warmup, round, rounds, depth, category, search, slug, serverCpu, soak, node,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (BenchOptions.ServerBuildPath(parse, server) is not { } dll)
            {
                return 1;
            }

            var count = parse.GetValue(articles);
            var path = BenchOptions.DatabasePath(parse, database, count);
            var options = new ThroughputOptions(
                dll, path, count, parse.GetValue(connections),
                parse.GetValue(cold), parse.GetValue(warmup), parse.GetValue(round), parse.GetValue(rounds), parse.GetValue(depth),
                parse.GetValue(category)!, parse.GetValue(search)!, parse.GetValue(slug), parse.GetValue(serverCpu), parse.GetValue(soak),
                parse.GetValue(node));
            if (options.Node && !await NodeYogaServer.EnsureInstalledAsync(ct))
            {
                return 1;
            }

            return await ThroughputBenchmark.RunAsync(options, ct);
        });
        return command;
    }

    /// <summary>The hidden verb the baseline server runs under, in a process of its own.</summary>
    public static Command CreateBaseline()
    {
        var database = new Option<string>("--database") { Description = "SQLite file to read.", Required = true };
        var urls = new Option<string>("--urls") { Description = "Where to listen (loopback).", Required = true };
        var command = new Command(ServerLauncher.BaselineVerb, "Internal: the minimal API + EF Core baseline of `throughput`, in a process of its own.")
        {
            database, urls,
        };
        command.Hidden = true;
        command.SetAction((parse, ct) => BaselineApi.RunAsync(parse.GetValue(database)!, parse.GetValue(urls)!, ct));
        return command;
    }
}
