using System.CommandLine;
using NewsGraph.Benchmarks.Paging;
using NewsGraph.Benchmarks.Search;
using NewsGraph.Benchmarks.Security;
using NewsGraph.Benchmarks.Subscriptions;
using NewsGraph.Benchmarks.Throughput;
using Spectre.Console;

// Redirected to a file, Spectre assumes 80 columns and wraps SQL and tables unreadably.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 160;
}

// One verb per benchmark, so later ones (subscriptions fan-out, filters) sit next to this one.
var root = new RootCommand("NewsGraph benchmarks and load generators (not run by CI).")
{
    PagingCommand.Create(),
    SearchCommand.Create(),
    FanoutCommand.Create(),
    FanoutCommand.CreateClients(),
    HostileCommand.Create(),
    TimeoutCommand.Create(),
    ThroughputCommand.Create(),
    ThroughputCommand.CreateBaseline(),
};
return await root.Parse(args).InvokeAsync();
