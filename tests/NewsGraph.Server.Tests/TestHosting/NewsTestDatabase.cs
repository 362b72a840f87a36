using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Data;
using Npgsql;

namespace NewsGraph.Server.Tests.TestHosting;

/// <summary>
/// A database of a test's own, migrated and holding the sample data, on the provider this run tests:
/// <see cref="ProviderVariable"/> (tests/run.sh runs the server's suites once per provider), SQLite when unset.
/// </summary>
public sealed class NewsTestDatabase : IAsyncDisposable
{
    /// <summary>The environment variable naming the provider under test (<c>Sqlite</c> or <c>PostgreSQL</c>).</summary>
    public const string ProviderVariable = "NEWSGRAPH_TEST_PROVIDER";

    // Migrating and loading the sample data takes a PostgreSQL database a second; copying a finished one takes a
    // fraction of that, so every test database is a copy of one made once per test process.
    private static readonly Lazy<Task<string>> PostgresTemplate = new(CreatePostgresTemplateAsync);

    private readonly PostgresServer? _postgres;
    private readonly string? _postgresDatabase;

    private NewsTestDatabase(DatabaseProvider provider, string connectionString, string? sqlitePath, PostgresServer? postgres, string? postgresDatabase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        SqlitePath = sqlitePath;
        _postgres = postgres;
        _postgresDatabase = postgresDatabase;
    }

    /// <summary>The provider the server suites run on in this test process.</summary>
    public static DatabaseProvider ProviderUnderTest { get; } =
        DatabaseSettings.ParseProvider(Environment.GetEnvironmentVariable(ProviderVariable));

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The SQLite file; null on PostgreSQL.</summary>
    public string? SqlitePath { get; }

    /// <summary>The server settings that point at this database.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        [DatabaseSettings.ProviderKey] = Provider.ToString(),
        [$"ConnectionStrings:{DatabaseSettings.ConnectionStringName}"] = ConnectionString,
    };

    /// <summary>
    /// A new database on <paramref name="provider"/> (the provider under test when null). SQLite starts empty: the
    /// server migrates it and loads the sample data as it would on a first start; PostgreSQL starts as a copy of a
    /// database that went through the same.
    /// </summary>
    public static async Task<NewsTestDatabase> CreateAsync(DatabaseProvider? provider = null)
    {
        var chosen = provider ?? ProviderUnderTest;
        if (chosen == DatabaseProvider.Sqlite)
        {
            var path = SqliteFiles.NewPath("test");
            return new NewsTestDatabase(chosen, $"Data Source={path}", path, postgres: null, postgresDatabase: null);
        }

        var postgres = await PostgresServer.SharedAsync();
        var database = await postgres.CreateDatabaseAsync("test", await PostgresTemplate.Value);
        return new NewsTestDatabase(chosen, postgres.ConnectionString(database), sqlitePath: null, postgres, database);
    }

    /// <summary>A new database with nothing in it, not even the schema (for tests of the first start).</summary>
    public static async Task<NewsTestDatabase> CreateEmptyAsync(DatabaseProvider? provider = null)
    {
        var chosen = provider ?? ProviderUnderTest;
        if (chosen == DatabaseProvider.Sqlite)
        {
            return await CreateAsync(chosen);
        }

        var postgres = await PostgresServer.SharedAsync();
        var database = await postgres.CreateDatabaseAsync("empty");
        return new NewsTestDatabase(chosen, postgres.ConnectionString(database), sqlitePath: null, postgres, database);
    }

    /// <summary>Runs one statement through a connection of the test's own, behind the back of any server using the database.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using DbConnection connection = SqlitePath is not null
            ? new SqliteConnection($"{ConnectionString};Pooling=False")
            : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A context of the test's own on this database (migrations not applied here).</summary>
    public NewsDbContext CreateContext() => NewsDbContextOptions.CreateContext(Provider, ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (SqlitePath is not null)
        {
            SqliteFiles.Delete(SqlitePath);
        }

        if (_postgres is not null && _postgresDatabase is not null)
        {
            await _postgres.DropDatabaseAsync(_postgresDatabase);
        }
    }

    private static async Task<string> CreatePostgresTemplateAsync()
    {
        var postgres = await PostgresServer.SharedAsync();
        var database = await postgres.CreateDatabaseAsync("template");
        await using (var db = NewsDbContextOptions.CreateContext(DatabaseProvider.PostgreSQL, postgres.ConnectionString(database)))
        {
            await DatabaseInitializer.MigrateAsync(db, CancellationToken.None);
            await SampleData.SeedAsync(db, CancellationToken.None);
            // The copies start with the template's planner statistics, as a seeded production database would have.
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        return database;
    }
}
