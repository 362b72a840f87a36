using Microsoft.Data.Sqlite;
using NewsGraph.Server.Data;
using Npgsql;

namespace NewsGraph.Benchmarks.Infrastructure;

/// <summary>The database a benchmark's server runs on: its provider and connection string.</summary>
internal sealed record BenchDatabase(DatabaseProvider Provider, string ConnectionString)
{
    public static BenchDatabase Sqlite(string databasePath) => new(DatabaseProvider.Sqlite, Catalogue.ConnectionString(databasePath));

    /// <summary>Where it is, for the report: the SQLite file, or PostgreSQL's host, port and database (never a password).</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return "SQLite " + new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        }

        var postgres = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {postgres.Host}:{postgres.Port}, database {postgres.Database}";
    }
}
