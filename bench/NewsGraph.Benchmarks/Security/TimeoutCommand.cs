using System.CommandLine;
using System.Globalization;
using NewsGraph.Benchmarks.Infrastructure;

namespace NewsGraph.Benchmarks.Security;

/// <summary><c>timeout [--server dll] [--articles 100000] [--parallel 16] [--timeout 00:00:02]</c>: does the execution timeout bound a burst of slow queries.</summary>
internal static class TimeoutCommand
{
    public static Command Create()
    {
        var server = new Option<string?>("--server") { Description = "The server build to measure (a NewsGraph.Server.dll). Default: this repository's Release build." };
        var articles = new Option<int>("--articles") { Description = "Articles in the catalogue (all statuses).", DefaultValueFactory = _ => 100_000 }.Positive();
        var database = new Option<string?>("--database") { Description = "SQLite file; created and seeded when missing. Default: <temp>/newsgraph-bench-<articles>.db." };
        var parallel = new Option<int>("--parallel") { Description = "Slow searches sent at once.", DefaultValueFactory = _ => 16 }.Positive();
        var timeout = new Option<TimeSpan>("--timeout") { Description = "The server's GraphQL:Limits:ExecutionTimeout.", DefaultValueFactory = _ => TimeSpan.FromSeconds(2) };
        var baseline = new Option<int>("--baseline") { Description = "Small queries on the idle server (the baseline).", DefaultValueFactory = _ => 50 }.Positive();

        var command = new Command("timeout", "Slow searches in parallel against a short execution timeout: when they are answered, and how a small query fares meanwhile.")
        {
            server, articles, database, parallel, timeout, baseline,
        };
        command.SetAction(async (parse, ct) =>
        {
            var dll = parse.GetValue(server) ?? ServerProcess.RepositoryBuild;
            if (!File.Exists(dll))
            {
                Console.Error.WriteLine($"No server build at {dll}: run `dotnet build -c Release src/NewsGraph.Server` first, or pass --server.");
                return 1;
            }

            var count = parse.GetValue(articles);
            var path = parse.GetValue(database) ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"newsgraph-bench-{count}.db"));
            var options = new TimeoutBenchmarkOptions(Path.GetFullPath(dll), Path.GetFullPath(path), count, parse.GetValue(parallel), parse.GetValue(timeout), parse.GetValue(baseline));
            return await TimeoutBenchmark.RunAsync(options, ct);
        });
        return command;
    }
}
