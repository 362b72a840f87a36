using System.CommandLine;
using System.Globalization;
using NewsGraph.Benchmarks.Infrastructure;
using NewsGraph.Server.Data;

namespace NewsGraph.Benchmarks.Search;

/// <summary>
/// <c>search [--provider Sqlite|PostgreSQL] [--articles 100000] [--database path | --connection cs] [--iterations 100] …</c>:
/// searchArticles against the <c>contains</c> filter it replaces.
/// </summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var articles = BenchOptions.Articles();
        var database = new Option<string?>("--database")
        {
            Description = "SQLite file to use; created and seeded when missing. Default: <temp>/newsgraph-bench-search-<articles>.db.",
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
        var iterations = PositiveOption.Positive(new Option<int>("--iterations") { Description = "Timed requests per variant, after the warm-up.", DefaultValueFactory = _ => 100 });
        var coldSeconds = PositiveOption.Positive(new Option<int>("--cold-seconds") { Description = "Seconds after start measured as the cold phase (whole rounds of every variant).", DefaultValueFactory = _ => 20 });
        var warmupSeconds = new Option<int>("--warmup-seconds") { Description = "Seconds of untimed load before timing (the JIT's tiering needs about a minute).", DefaultValueFactory = _ => 60 };
        var queries = PositiveOption.Positive(new Option<int>("--queries") { Description = "Queries per class and shape, rotated so no single statement is all that is measured.", DefaultValueFactory = _ => 4 });
        var statementIterations = new Option<int>("--statement-iterations") { Description = "Timed runs of each captured SQL statement alone (0: skip).", DefaultValueFactory = _ => 30 };
        var seed = new Option<int>("--seed") { Description = "Seed for a newly created catalogue.", DefaultValueFactory = _ => 42 };
        var reseed = new Option<bool>("--reseed") { Description = "Delete --database first when its article count differs (or always)." };
        var timeLimit = PositiveOption.Positive(new Option<int>("--time-limit") { Description = "Abort after this many minutes.", DefaultValueFactory = _ => 30 });

        var command = new Command("search", "searchArticles (1-3 words, a phrase; with and without highlights) against `contains` on the body, rare to very common words, over HTTP.")
        {
            provider, connection, articles, database, iterations, coldSeconds, warmupSeconds, queries, statementIterations, seed, reseed, timeLimit,
        };
        command.Validators.Add(result =>
        {
            bool postgres = result.GetValue(provider) == DatabaseProvider.PostgreSQL;
            if (!postgres && result.GetValue(connection) is not null)
            {
                result.AddError("--connection is for --provider PostgreSQL; SQLite takes --database.");
            }

            if (postgres && (result.GetValue(database) is not null || result.GetValue(reseed)))
            {
                result.AddError("--database and --reseed are for SQLite; PostgreSQL takes --connection (or none for a throwaway cluster).");
            }

            if (result.GetValue(warmupSeconds) < 0 || result.GetValue(statementIterations) < 0)
            {
                result.AddError("--warmup-seconds and --statement-iterations must not be negative.");
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            int count = parse.GetValue(articles);
            var options = new SearchBenchmarkOptions(
                parse.GetValue(provider),
                parse.GetValue(connection),
                count,
                Path.GetFullPath(parse.GetValue(database) ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"newsgraph-bench-search-{count}.db"))),
                parse.GetValue(iterations),
                parse.GetValue(coldSeconds),
                parse.GetValue(warmupSeconds),
                parse.GetValue(queries),
                parse.GetValue(statementIterations),
                parse.GetValue(seed),
                parse.GetValue(reseed),
                TimeSpan.FromMinutes(parse.GetValue(timeLimit)));
            return await SearchBenchmark.RunAsync(options, ct);
        });
        return command;
    }
}

/// <param name="Provider">The database the server runs on.</param>
/// <param name="Connection">PostgreSQL: a database of the user's; null for a throwaway cluster.</param>
/// <param name="Articles">Articles in the catalogue, all statuses (about 96% are published and visible).</param>
/// <param name="DatabasePath">Absolute path of the SQLite file (SQLite only). Its own default name: a catalogue seeded
/// before search existed would be indexed by the server's start-up backfill, not by the seeder.</param>
/// <param name="Iterations">Timed requests per variant after the warm-up.</param>
/// <param name="ColdSeconds">How long after start the cold phase lasts.</param>
/// <param name="WarmupSeconds">Untimed load before timing.</param>
/// <param name="QueriesPerClass">Words (and phrases) per frequency class.</param>
/// <param name="StatementIterations">Timed runs of each SQL statement alone.</param>
/// <param name="Seed">Seed for a new catalogue.</param>
/// <param name="Reseed">Whether a mismatching (or any) existing file may be deleted.</param>
/// <param name="TimeLimit">Hard bound on the whole run.</param>
internal sealed record SearchBenchmarkOptions(
    DatabaseProvider Provider, string? Connection, int Articles, string DatabasePath, int Iterations, int ColdSeconds, int WarmupSeconds,
    int QueriesPerClass, int StatementIterations, int Seed, bool Reseed, TimeSpan TimeLimit);
