using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NewsGraph.GraphQL.Data.Filtering;
using NewsGraph.Server.Data;
using Npgsql;

namespace NewsGraph.Benchmarks.Infrastructure;

/// <summary>
/// Runs a captured command again on its own connection and reads every row: the statement's own cost, without EF Core,
/// GraphQL or HTTP, for comparing with what a whole request costs.
/// </summary>
internal static class CapturedCommandTimer
{
    /// <returns>Milliseconds from executing to the last row read (the connection is opened, from the pool, before the clock starts).</returns>
    public static async Task<double> TimeAsync(BenchDatabase database, CapturedCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(command);
        await using DbConnection connection = database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        if (connection is SqliteConnection sqlite)
        {
            // The server's own function for case-insensitive filters (contains): its statements call it.
            SqliteCaseFoldingInterceptor.Register(sqlite);
        }

        await using DbCommand run = connection.CreateCommand();
        // The SQL is what the server itself sent for the benchmark's own requests, not user input.
#pragma warning disable CA2100
        run.CommandText = command.Sql;
#pragma warning restore CA2100
        foreach (CapturedParameter parameter in command.Parameters)
        {
            DbParameter p = run.CreateParameter();
            p.ParameterName = parameter.Name;
            p.Value = parameter.Value ?? DBNull.Value;
            run.Parameters.Add(p);
        }

        long start = Stopwatch.GetTimestamp();
        await using (DbDataReader reader = await run.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                for (int i = 0; i < reader.FieldCount; i++)
                {
                    _ = reader.GetValue(i);
                }
            }
        }

        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
