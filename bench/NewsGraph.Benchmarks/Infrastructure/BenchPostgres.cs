using System.Diagnostics;
using NewsGraph.Benchmarks.Security;
using Npgsql;

namespace NewsGraph.Benchmarks.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster of the benchmark's own, started and removed with scripts/postgres-cluster.sh (free
/// loopback port, no fsync, user postgres without a password). Like the tests, nothing depends on a PostgreSQL that is
/// already running.
/// </summary>
internal sealed class BenchPostgres : IAsyncDisposable
{
    private readonly string _directory;

    private BenchPostgres(string directory, string connectionString)
    {
        _directory = directory;
        ConnectionString = connectionString;
    }

    /// <summary>The cluster's connection string without a database.</summary>
    public string ConnectionString { get; }

    public static async Task<BenchPostgres> StartAsync(CancellationToken ct)
    {
        string directory = Path.Combine(Path.GetTempPath(), $"newsgraph-bench-postgres-{Guid.NewGuid():N}");
        string connectionString = (await RunScriptAsync("start", directory, ct)).Trim();
        return new BenchPostgres(directory, connectionString);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync(ct);
        // The name is the benchmark's own constant, not user input.
#pragma warning disable CA2100
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
#pragma warning restore CA2100
        await create.ExecuteNonQueryAsync(ct);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        // Pooled connections would hold the server up; the stop is immediate anyway, the cluster is thrown away.
        NpgsqlConnection.ClearAllPools();
        await RunScriptAsync("stop", _directory, CancellationToken.None);
    }

    private static async Task<string> RunScriptAsync(string command, string directory, CancellationToken ct)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(ServerProcess.RepositoryRoot, "scripts", "postgres-cluster.sh"));
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(directory);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync(ct);
        Task<string> error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"scripts/postgres-cluster.sh {command} failed ({process.ExitCode}): {await error}");
    }
}
