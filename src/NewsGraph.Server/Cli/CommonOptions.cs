using System.CommandLine;

namespace NewsGraph.Server.Cli;

internal static class CommonOptions
{
    public static Option<string?> Connection() => new("--connection")
    {
        Description = "SQLite connection string, e.g. \"Data Source=/tmp/news.db\". Defaults to ConnectionStrings:News.",
        HelpName = "connection-string",
    };
}
