using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsGraph.Server.Cli;
using NewsGraph.Server.Hosting;
using Spectre.Console;

namespace NewsGraph.Benchmarks.Infrastructure;

/// <summary>The seeded SQLite catalogue a benchmark runs on: reused when it already holds the wanted article count.</summary>
internal static class Catalogue
{
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

        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeding {articles} articles (seed {seed}) into [green]{Markup.Escape(databasePath)}[/] with the server's own seed command…"));
        // The server's public command-line entry point, in process: the same code path as `NewsGraph.Server seed`.
        int? exitCode = await NewsGraphCommandLine.TryRunAsync(
            ["seed", "--articles", articles.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture), "--connection", ConnectionString(databasePath)],
            NewsGraphApplication.Build,
            ct);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The seed command failed with exit code {exitCode?.ToString(CultureInfo.InvariantCulture) ?? "(not run)"}.");
        }

        long? seeded = await CountArticlesAsync(databasePath, ct);
        if (seeded != articles)
        {
            throw new InvalidOperationException($"Seeding left {seeded} articles in {databasePath}, expected {articles}.");
        }
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
