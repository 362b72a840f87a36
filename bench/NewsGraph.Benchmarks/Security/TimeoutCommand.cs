using System.CommandLine;
using NewsGraph.Benchmarks.Infrastructure;

namespace NewsGraph.Benchmarks.Security;

/// <summary><c>timeout [--server dll] [--articles 100000] [--parallel 16] [--timeout 00:00:02]</c>: does the execution timeout bound a burst of slow queries.</summary>
internal static class TimeoutCommand
{
    public static Command Create()
    {
        var server = BenchOptions.ServerBuild();
        var articles = BenchOptions.Articles();
        var database = BenchOptions.Database();
        var parallel = new Option<int>("--parallel") { Description = "Slow searches sent at once.", DefaultValueFactory = _ => 16 }.Positive();
        var timeout = new Option<TimeSpan>("--timeout") { Description = "The server's GraphQL:Limits:ExecutionTimeout.", DefaultValueFactory = _ => TimeSpan.FromSeconds(2) };
        var baseline = new Option<int>("--baseline") { Description = "Small queries on the idle server (the baseline).", DefaultValueFactory = _ => 50 }.Positive();

        var command = new Command("timeout", "Slow searches in parallel against a short execution timeout: when they are answered, and how a small query fares meanwhile.")
        {
            server, articles, database, parallel, timeout, baseline,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (BenchOptions.ServerBuildPath(parse, server) is not { } dll)
            {
                return 1;
            }

            var count = parse.GetValue(articles);
            var path = BenchOptions.DatabasePath(parse, database, count);
            var options = new TimeoutBenchmarkOptions(dll, path, count, parse.GetValue(parallel), parse.GetValue(timeout), parse.GetValue(baseline));
            return await TimeoutBenchmark.RunAsync(options, ct);
        });
        return command;
    }
}
