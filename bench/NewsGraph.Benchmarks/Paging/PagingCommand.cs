using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using NewsGraph.Benchmarks.Infrastructure;
using NewsGraph.Server.Data;

namespace NewsGraph.Benchmarks.Paging;

/// <summary>
/// <c>paging [--provider Sqlite|PostgreSQL] [--articles 100000] [--database path | --connection cs] [--iterations 200] …</c>:
/// deep keyset paging vs the first page.
/// </summary>
internal static class PagingCommand
{
    public static Command Create()
    {
        var articles = PositiveOption.Positive(new Option<int>("--articles") { Description = "Articles in the catalogue (all statuses).", DefaultValueFactory = _ => 100_000 });
        var database = new Option<string?>("--database")
        {
            Description = "SQLite file to use; created and seeded when missing. Default: <temp>/newsgraph-bench-<articles>.db.",
        };
        var provider = new Option<DatabaseProvider>("--provider")
        {
            Description = "Sqlite (default) or PostgreSQL. PostgreSQL without --connection starts a throwaway cluster (scripts/postgres-cluster.sh), seeds it and removes it afterwards.",
            DefaultValueFactory = _ => DatabaseProvider.Sqlite,
        };
        var connection = new Option<string?>("--connection")
        {
            Description = "PostgreSQL only: a database to use instead of a throwaway cluster; it must be empty (it is seeded) or hold exactly --articles articles.",
            HelpName = "connection-string",
        };
        var iterations = PositiveOption.Positive(new Option<int>("--iterations") { Description = "Timed requests per variant.", DefaultValueFactory = _ => 200 });
        var warmup = new Option<int>("--warmup") { Description = "Untimed requests per variant before timing.", DefaultValueFactory = _ => 50 };
        var depth = PositiveOption.Positive(new Option<int>("--depth") { Description = "Rows skipped by the deep page (a multiple of --walk-page-size).", DefaultValueFactory = _ => 90_000 });
        var walkPageSize = PositiveOption.Positive(new Option<int>("--walk-page-size") { Description = "Page size of the cursor walk (the server's maximum is 50).", DefaultValueFactory = _ => 50 });
        var seed = new Option<int>("--seed") { Description = "Seed for a newly created catalogue.", DefaultValueFactory = _ => 42 };
        var reseed = new Option<bool>("--reseed") { Description = "Delete --database first when its article count differs (or always)." };
        var orderings = new Option<string[]>("--ordering")
        {
            Description = "Orderings to measure over HTTP (repeatable): " + string.Join(", ", PagingBenchmark.OrderingKeys) + ". Default: all.",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [.. PagingBenchmark.OrderingKeys],
        };
        orderings.AcceptOnlyFromAmong([.. PagingBenchmark.OrderingKeys]);
        var timeLimit = PositiveOption.Positive(new Option<int>("--time-limit") { Description = "Abort after this many minutes.", DefaultValueFactory = _ => 30 });

        var command = new Command("paging", "Latency of a keyset page --depth rows deep vs the first page, over HTTP, plus EF Core offset/keyset baselines.")
        {
            provider, connection, articles, database, iterations, warmup, depth, walkPageSize, seed, reseed, orderings, timeLimit,
        };
        command.Validators.Add(result =>
        {
            int d = result.GetValue(depth);
            int w = result.GetValue(walkPageSize);
            if (w > 0 && d % w != 0)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--depth ({d}) must be a multiple of --walk-page-size ({w})."));
            }

            if (d >= result.GetValue(articles))
            {
                result.AddError("--depth must be smaller than --articles.");
            }

            bool postgres = result.GetValue(provider) == DatabaseProvider.PostgreSQL;
            if (!postgres && result.GetValue(connection) is not null)
            {
                result.AddError("--connection is for --provider PostgreSQL; SQLite takes --database.");
            }

            if (postgres && (result.GetValue(database) is not null || result.GetValue(reseed)))
            {
                result.AddError("--database and --reseed are for SQLite; PostgreSQL takes --connection (or none for a throwaway cluster).");
            }

            if (result.GetValue(warmup) < 0)
            {
                result.AddError("--warmup must not be negative.");
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            int count = parse.GetValue(articles);
            var options = new PagingBenchmarkOptions(
                parse.GetValue(provider),
                parse.GetValue(connection),
                count,
                Path.GetFullPath(parse.GetValue(database) ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"newsgraph-bench-{count}.db"))),
                parse.GetValue(iterations),
                parse.GetValue(warmup),
                parse.GetValue(depth),
                parse.GetValue(walkPageSize),
                parse.GetValue(seed),
                parse.GetValue(reseed),
                parse.GetValue(orderings) ?? [],
                TimeSpan.FromMinutes(parse.GetValue(timeLimit)));
            return await PagingBenchmark.RunAsync(options, ct);
        });
        return command;
    }
}

/// <param name="Provider">The database the server runs on.</param>
/// <param name="Connection">PostgreSQL: a database of the user's; null for a throwaway cluster.</param>
/// <param name="Articles">Articles in the catalogue, all statuses (about 96% are published and visible).</param>
/// <param name="DatabasePath">Absolute path of the SQLite file (SQLite only).</param>
/// <param name="Iterations">Timed requests per variant.</param>
/// <param name="Warmup">Untimed requests per variant.</param>
/// <param name="Depth">Rows before the deep page.</param>
/// <param name="WalkPageSize">Page size used to walk to the deep cursor.</param>
/// <param name="Seed">Seed for a new catalogue.</param>
/// <param name="Reseed">Whether a mismatching (or any) existing file may be deleted.</param>
/// <param name="Orderings">Keys of the orderings measured over HTTP.</param>
/// <param name="TimeLimit">Hard bound on the whole run.</param>
internal sealed record PagingBenchmarkOptions(
    DatabaseProvider Provider, string? Connection, int Articles, string DatabasePath, int Iterations, int Warmup, int Depth, int WalkPageSize, int Seed, bool Reseed, IReadOnlyList<string> Orderings, TimeSpan TimeLimit);
