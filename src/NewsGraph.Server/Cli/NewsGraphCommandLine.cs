using System.CommandLine;

namespace NewsGraph.Server.Cli;

/// <summary>
/// Command-line entry point sharing the server executable: <c>schema export</c>, <c>seed</c>, <c>migrate</c>, <c>apikey create</c>.
/// </summary>
public static class NewsGraphCommandLine
{
    /// <summary>
    /// Runs a CLI command and returns its exit code, or returns null when <paramref name="args"/>
    /// are server arguments (none, <c>--urls ...</c>, <c>Key=Value</c>) so the caller starts the server.
    /// </summary>
    /// <param name="buildApp">Builds (never runs) the web application, for commands that need its services or configuration.</param>
    public static async Task<int?> TryRunAsync(string[] args, Func<string[], WebApplication> buildApp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(buildApp);

        if (!IsCommand(args))
        {
            return null;
        }

        // Commands build the app without their own verb arguments, so configuration parsing does not see them; a
        // command's options that are settings (the database's) are passed on as configuration overrides instead.
        WebApplication BuildApp(string[] settings) => buildApp(settings);

        var root = new RootCommand("NewsGraph server. Without a command it serves the GraphQL API.")
        {
            SchemaExportCommand.Create(() => BuildApp([])),
            SeedCommand.Create(BuildApp),
            MigrateCommand.Create(BuildApp),
            ApiKeyCreateCommand.Create(),
        };

        return await root.Parse(args).InvokeAsync(cancellationToken: ct);
    }

    // ASP.NET Core arguments start with '-' or '/' or are Key=Value pairs; anything else is a verb
    // (known or not, so that a typo gets an "unrecognized command" error instead of starting the server).
    private static bool IsCommand(string[] args) =>
        args.Length > 0
        && args[0].Length > 0
        && args[0][0] is not '-' and not '/'
        && !args[0].Contains('=', StringComparison.Ordinal);
}
