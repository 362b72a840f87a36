using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsGraph.Server.Cli;
using NewsGraph.Server.Data;
using NewsGraph.Server.Hosting;
using Npgsql;
using Spectre.Console;

namespace NewsGraph.Benchmarks.Infrastructure;

/// <summary>The seeded catalogue a benchmark runs on (SQLite or PostgreSQL): reused when it already holds the wanted article count.</summary>
internal static class Catalogue
{
    /// <summary>
    /// The catalogue of a run on <paramref name="provider"/>: the SQLite file at <paramref name="databasePath"/>, or on
    /// PostgreSQL <paramref name="connection"/> when given, else a database named <paramref name="postgresDatabase"/> in
    /// the run's throwaway <paramref name="cluster"/>; seeded when needed (<see cref="EnsureAsync"/>, <see cref="EnsurePostgresAsync"/>).
    /// </summary>
    public static async Task<BenchDatabase> PrepareAsync(
        DatabaseProvider provider, string databasePath, string? connection, BenchPostgres? cluster, string postgresDatabase,
        int articles, int seed, bool reseed, CancellationToken ct)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            await EnsureAsync(databasePath, articles, seed, reseed, ct);
            return BenchDatabase.Sqlite(databasePath);
        }

        string connectionString = connection ?? await cluster!.CreateDatabaseAsync(postgresDatabase, ct);
        await EnsurePostgresAsync(connectionString, articles, seed, ct);
        return new BenchDatabase(DatabaseProvider.PostgreSQL, connectionString);
    }

    public static string ConnectionString(string databasePath) =>
        new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();

    /// <summary>
    /// Makes sure <paramref name="databasePath"/> holds exactly <paramref name="articles"/> articles (all statuses).
    /// The seeder appends, so a file with another count is never topped up: that would mix two seeds' data.
    /// </summary>
    public static async Task EnsureAsync(string databasePath, int articles, int seed, bool reseed, CancellationToken ct)
    {
        if (File.Exists(databasePath))
        {
            long? existing = await CountArticlesAsync(databasePath, ct);
            if (existing == articles && !reseed)
            {
                AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                    $"Reusing [green]{Markup.Escape(databasePath)}[/] ({existing} articles)."));
                return;
            }

            if (!reseed)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"{databasePath} exists with {existing?.ToString(CultureInfo.InvariantCulture) ?? "no"} articles, not {articles}. Pass --reseed to delete and re-create it, or choose another --database."));
            }

            SqliteConnection.ClearAllPools();
            foreach (string suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(databasePath + suffix);
            }
        }

        await SeedAsync(BenchDatabase.Sqlite(databasePath), articles, seed, ct);

        long? seeded = await CountArticlesAsync(databasePath, ct);
        if (seeded != articles)
        {
            throw new InvalidOperationException($"Seeding left {seeded} articles in {databasePath}, expected {articles}.");
        }
    }

    /// <summary>
    /// Makes sure the PostgreSQL database of <paramref name="connectionString"/> holds exactly <paramref name="articles"/>
    /// articles: reused when it does, seeded when it has none (or no schema), refused otherwise: the seeder appends, and
    /// the benchmark never empties a database it did not create.
    /// </summary>
    public static async Task EnsurePostgresAsync(string connectionString, int articles, int seed, CancellationToken ct)
    {
        long existing = await CountPostgresArticlesAsync(connectionString, ct) ?? 0;
        if (existing == articles)
        {
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Reusing the PostgreSQL database ({existing} articles)."));
            return;
        }

        if (existing != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The PostgreSQL database holds {existing} articles, not {articles}. Give --connection an empty database, or none for a throwaway cluster."));
        }

        await SeedAsync(new BenchDatabase(DatabaseProvider.PostgreSQL, connectionString), articles, seed, ct);
        long? seeded = await CountPostgresArticlesAsync(connectionString, ct);
        if (seeded != articles)
        {
            throw new InvalidOperationException($"Seeding left {seeded} articles in the PostgreSQL database, expected {articles}.");
        }
    }

    private static async Task SeedAsync(BenchDatabase database, int articles, int seed, CancellationToken ct)
    {
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeding {articles} articles (seed {seed}) into [green]{Markup.Escape(database.Describe())}[/] with the server's own seed command…"));
        var stopwatch = Stopwatch.StartNew();
        // The server's public command-line entry point, in process: the same code path as `NewsGraph.Server seed`.
        int? exitCode = await NewsGraphCommandLine.TryRunAsync(
            [
                "seed", "--articles", articles.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture),
                "--connection", database.ConnectionString, "--provider", database.Provider.ToString(),
            ],
            NewsGraphApplication.Build,
            ct);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The seed command failed with exit code {exitCode?.ToString(CultureInfo.InvariantCulture) ?? "(not run)"}.");
        }

        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeded {articles} articles into {Markup.Escape(database.Describe())} in {stopwatch.Elapsed.TotalSeconds:F1} s (migration, seed and ANALYZE)."));
    }

    /// <summary>All articles, drafts included; null when there is no table.</summary>
    private static async Task<long?> CountPostgresArticlesAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT to_regclass('\"Articles\"') IS NOT NULL", connection);
        if (!(bool)(await command.ExecuteScalarAsync(ct))!)
        {
            return null;
        }

        command.CommandText = "SELECT COUNT(*) FROM \"Articles\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>All articles, drafts included (raw SQL: EF's query filter would hide drafts); null when there is no table.</summary>
    private static async Task<long?> CountArticlesAsync(string databasePath, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(ct);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'Articles'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 0)
        {
            return null;
        }

        command.CommandText = "SELECT COUNT(*) FROM Articles";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
