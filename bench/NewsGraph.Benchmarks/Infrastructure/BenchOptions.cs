using System.CommandLine;
using System.Globalization;
using NewsGraph.Benchmarks.Security;

namespace NewsGraph.Benchmarks.Infrastructure;

/// <summary>The options several verbs share: which server build to run, and the seeded catalogue to run it on.</summary>
internal static class BenchOptions
{
    public static Option<string?> ServerBuild() => new("--server")
    {
        Description = "The server build to measure (a NewsGraph.Server.dll, e.g. an older build for 'before'). Default: this repository's Release build.",
    };

    public static Option<int> Articles() =>
        new Option<int>("--articles") { Description = "Articles in the catalogue (all statuses).", DefaultValueFactory = _ => 100_000 }.Positive();

    public static Option<string?> Database() =>
        new("--database") { Description = "SQLite file; created and seeded when missing. Default: <temp>/newsgraph-bench-<articles>.db." };

    /// <summary>The full path of the build <c>--server</c> names (or this repository's); null, after saying so, when it is missing.</summary>
    public static string? ServerBuildPath(ParseResult parse, Option<string?> server)
    {
        var dll = parse.GetValue(server) ?? ServerProcess.RepositoryBuild;
        if (File.Exists(dll))
        {
            return Path.GetFullPath(dll);
        }

        Console.Error.WriteLine($"No server build at {dll}: run `dotnet build -c Release src/NewsGraph.Server` first, or pass --server.");
        return null;
    }

    public static string DatabasePath(ParseResult parse, Option<string?> database, int articles) => Path.GetFullPath(
        parse.GetValue(database) ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"newsgraph-bench-{articles}.db")));
}
