using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using NewsGraph.GraphQL.Data.Filtering;
using NewsGraph.Server.Data;
using Npgsql;

namespace NewsGraph.Benchmarks.Infrastructure;

/// <summary>
/// The plan of a captured command, as text: SQLite's <c>EXPLAIN QUERY PLAN</c> as an indented tree, or PostgreSQL's
/// <c>EXPLAIN (ANALYZE, BUFFERS)</c> (the statement runs, so the plan shows actual rows and pages read).
/// </summary>
internal static class QueryPlan
{
    public static Task<string> ExplainAsync(BenchDatabase database, CapturedCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(command);
        return database.Provider == DatabaseProvider.Sqlite
            ? ExplainSqliteAsync(database.ConnectionString, command, ct)
            : ExplainPostgresAsync(database.ConnectionString, command, ct);
    }

    /// <summary>
    /// Whether the page of articles is read other than by seeking one index in order (a sort, a scan, combined indexes):
    /// then the page is not an index seek, whatever its latency ratio says.
    /// </summary>
    public static bool IsNotAnIndexSeek(DatabaseProvider provider, string plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (provider == DatabaseProvider.Sqlite)
        {
            // The page is a subquery joined to its author (CO-ROUTINE a1 ... SCAN a1): scanning that page's own rows is
            // not a scan of a table.
            string[] lines = [.. plan.Split('\n').Select(line => line.Trim())];
            var pages = lines.Where(line => line.StartsWith("CO-ROUTINE ", StringComparison.Ordinal)).Select(line => "SCAN " + line["CO-ROUTINE ".Length..]).ToHashSet();
            return plan.Contains("TEMP B-TREE", StringComparison.Ordinal) || plan.Contains("MULTI-INDEX OR", StringComparison.Ordinal)
                || lines.Any(line => line.StartsWith("SCAN ", StringComparison.Ordinal) && !pages.Contains(line));
        }

        // PostgreSQL sorts the page's few rows again after joining the author (the outer ORDER BY) and may hash the small
        // Authors table: neither depends on the depth. What matters is what feeds the LIMIT: below it, a sort
        // ("Sort  (" is the node, Sort or Incremental Sort) or a scan of Articles that is not an index scan.
        int limit = plan.IndexOf("Limit  (", StringComparison.Ordinal);
        string page = limit < 0 ? plan : plan[limit..];
        return page.Contains("Sort  (", StringComparison.Ordinal)
            || page.Contains("Seq Scan on \"Articles\"", StringComparison.Ordinal)
            || page.Contains("Bitmap Heap Scan on \"Articles\"", StringComparison.Ordinal);
    }

    private static async Task<string> ExplainSqliteAsync(string connectionString, CapturedCommand command, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        // The server's own function for case-insensitive filters (contains): its statements call it.
        SqliteCaseFoldingInterceptor.Register(connection);
        await using SqliteCommand explain = connection.CreateCommand();
        // The SQL is EF Core's own output for this benchmark's queries, not user input.
#pragma warning disable CA2100
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
#pragma warning restore CA2100
        foreach (CapturedParameter parameter in command.Parameters)
        {
            explain.Parameters.AddWithValue(parameter.Name, parameter.Value ?? DBNull.Value);
        }

        // Rows are (id, parent, notused, detail); depth comes from following parent ids.
        var depths = new Dictionary<long, int> { [0] = -1 };
        var text = new StringBuilder();
        await using SqliteDataReader reader = await explain.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            long id = reader.GetInt64(0);
            long parent = reader.GetInt64(1);
            int depth = depths.GetValueOrDefault(parent, -1) + 1;
            depths[id] = depth;
            text.Append(CultureInfo.InvariantCulture, $"{new string(' ', depth * 2)}{reader.GetString(3)}").Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    private static async Task<string> ExplainPostgresAsync(string connectionString, CapturedCommand command, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        // The SQL is EF Core's own output for this benchmark's queries, not user input. The values are bound as
        // parameters, as EF Core sent them, so the planner sees them (a custom plan, like the server's statement).
#pragma warning disable CA2100
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + command.Sql, connection);
#pragma warning restore CA2100
        foreach (CapturedParameter parameter in command.Parameters)
        {
            explain.Parameters.AddWithValue(parameter.Name, parameter.Value ?? DBNull.Value);
        }

        var text = new StringBuilder();
        await using NpgsqlDataReader reader = await explain.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            text.Append(reader.GetString(0)).Append('\n');
        }

        return text.ToString().TrimEnd();
    }
}
