using NewsGraph.Server.Cli;
using NewsGraph.Server.Hosting;

// The same executable serves GraphQL and runs the maintenance commands (schema export, seed, migrate).
var exitCode = await NewsGraphCommandLine.TryRunAsync(args, NewsGraphApplication.Build, CancellationToken.None);
if (exitCode is int code)
{
    return code;
}

await NewsGraphApplication.Build(args).RunAsync();
return 0;
