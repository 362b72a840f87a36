using System.CommandLine;
using NewsGraph.Benchmarks.Infrastructure;

namespace NewsGraph.Benchmarks.Security;

/// <summary><c>hostile [--server path/to/NewsGraph.Server.dll] [--repeat 5] …</c>: time to refuse each hostile request.</summary>
internal static class HostileCommand
{
    public static Command Create()
    {
        var server = BenchOptions.ServerBuild();
        var environment = new Option<string>("--environment") { Description = "The server's ASP.NET Core environment.", DefaultValueFactory = _ => "Production" };
        var repeat = new Option<int>("--repeat") { Description = "Warm sends per input after the first (cold) one.", DefaultValueFactory = _ => 5 }.Positive();
        var canary = new Option<int>("--canary") { Description = "Canary requests that warm the server before the inputs.", DefaultValueFactory = _ => 200 }.Positive();
        var only = new Option<string[]>("--only")
        {
            Description = "Only inputs whose name contains one of these (repeatable). Default: all.",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [],
        };

        var command = new Command("hostile", "Time to refuse each hostile request of the regression suite, against a canary query in the same run.")
        {
            server, environment, repeat, canary, only,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (BenchOptions.ServerBuildPath(parse, server) is not { } dll)
            {
                return 1;
            }

            var options = new HostileBenchmarkOptions(dll, parse.GetValue(environment)!, parse.GetValue(repeat), parse.GetValue(canary), parse.GetValue(only) ?? []);
            return await HostileBenchmark.RunAsync(options, ct);
        });
        return command;
    }
}
