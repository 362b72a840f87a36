using System.CommandLine;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Cli;

internal static class CommonOptions
{
    public static Option<string?> Connection() => new("--connection")
    {
        Description = "Connection string for the provider, e.g. \"Data Source=/tmp/news.db\" (SQLite) or \"Host=localhost;Database=newsgraph;Username=newsgraph\" (PostgreSQL). Defaults to ConnectionStrings:News.",
        HelpName = "connection-string",
    };

    public static Option<DatabaseProvider?> Provider() => new("--provider")
    {
        Description = "Sqlite or PostgreSQL: the provider of --connection (Sqlite when not given), or else overrides Database:Provider.",
        HelpName = "provider",
    };
}
