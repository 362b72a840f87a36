using System.Diagnostics;
using Npgsql;

namespace NewsGraph.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster for the test process, and a database of its own for each test that asks. The
/// cluster is the one tests/run.sh started for the whole run (its connection string in
/// <see cref="ConnectionVariable"/>), or else one this process starts with scripts/postgres-cluster.sh and removes when
/// it exits. Never a PostgreSQL that happens to be running.
/// </summary>
public sealed class PostgresServer
{
    /// <summary>The environment variable with the connection string of an already started throwaway cluster.</summary>
    public const string ConnectionVariable = "NEWSGRAPH_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(StartSharedAsync);

    private readonly NpgsqlConnectionStringBuilder _server;

    private PostgresServer(string connectionString)
    {
        _server = new NpgsqlConnectionStringBuilder(connectionString);
    }

    /// <summary>The cluster of this test process, started on first use.</summary>
    public static Task<PostgresServer> SharedAsync() => SharedServer.Value;

    /// <summary>The connection string of <paramref name="database"/> on this cluster.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = database }.ConnectionString;

    /// <summary>Creates an empty database (or a copy of <paramref name="template"/>) and returns its name.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose, string? template = null)
    {
        var name = $"newsgraph_{purpose}_{Guid.NewGuid():N}".ToLowerInvariant();
        // A template may have no open connections while it is copied: the pools that filled it must be empty.
        if (template is not null)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(template)));
        }

        await ExecuteAsync(template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return name;
    }

    /// <summary>Drops a database even while a server's pool still holds connections to it.</summary>
    public async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(database)));
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    /// <summary>Runs one statement in the <c>postgres</c> maintenance database.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartSharedAsync()
    {
        var started = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(started))
        {
            return new PostgresServer(started);
        }

        var directory = Path.Combine(Path.GetTempPath(), $"newsgraph-postgres-{Guid.NewGuid():N}");
        var connectionString = (await RunClusterScriptAsync("start", directory)).Trim();
        // The cluster lives as long as the test process: stopped and removed when it exits.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RunClusterScriptAsync("stop", directory).GetAwaiter().GetResult();
        return new PostgresServer(connectionString);
    }

    private static async Task<string> RunClusterScriptAsync(string command, string directory)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryFiles.PathOf("scripts", "postgres-cluster.sh"));
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(directory);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"scripts/postgres-cluster.sh {command} failed ({process.ExitCode}): {await error}");
    }
}
