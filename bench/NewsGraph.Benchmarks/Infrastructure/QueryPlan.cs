using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace NewsGraph.Benchmarks.Infrastructure;

/// <summary>SQLite's <c>EXPLAIN QUERY PLAN</c> for a captured command, as an indented tree.</summary>
internal static class QueryPlan
{
    public static async Task<string> ExplainAsync(string connectionString, CapturedCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
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
}
