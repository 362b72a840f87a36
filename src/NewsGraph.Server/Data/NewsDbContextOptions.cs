using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Data.Cancellation;
using NewsGraph.GraphQL.Data.Filtering;

namespace NewsGraph.Server.Data;

/// <summary>How every <see cref="NewsDbContext"/> is configured, for each provider: the server's, the CLI's and <c>dotnet ef</c>'s.</summary>
internal static class NewsDbContextOptions
{
    /// <summary>A context of its own, outside dependency injection (the CLI with an explicit connection, <c>dotnet ef</c>).</summary>
    public static NewsDbContext CreateContext(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteNewsDbContext(
            Configure(new DbContextOptionsBuilder<SqliteNewsDbContext>(), provider, connectionString).Options),
        DatabaseProvider.PostgreSQL => new PostgreSqlNewsDbContext(
            Configure(new DbContextOptionsBuilder<PostgreSqlNewsDbContext>(), provider, connectionString).Options),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public static TBuilder Configure<TBuilder>(TBuilder options, DatabaseProvider provider, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options
                    // A list parameter (a loader's keys, `in`) is one JSON parameter read with json_each: the SQL text stays
                    // the same for any number of values, so EF Core caches it. With one parameter per value (EF Core 10's
                    // default) the SQL was generated anew, under a lock, for every query (8% of a front-page request's time,
                    // most of it waiting).
                    .UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                    .UseSqliteCaseFolding()
                    // A request's timeout or abort stops its running statement instead of leaving it to scan to the end.
                    .UseSqliteInterruptOnCancellation();
                break;
            case DatabaseProvider.PostgreSQL:
                options.UseNpgsql(connectionString, npgsql => npgsql
                    // The same reason as SQLite's: a list is one array parameter (`= ANY (@ids)`), so the SQL text is cached.
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                // NULL sorts as the smallest value, as on SQLite: the same order and cursors on both providers.
                options.ReplaceService<IQuerySqlGeneratorFactory, NullsSmallestNpgsqlQuerySqlGeneratorFactory>();
                // Npgsql cancels a running statement itself when the request's token fires.
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }

        // Readers never write back what they load; writers opt in with AsTracking().
        options
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            // EF Core logs a failed command, query and save at Error each (three entries for one failure, none naming
            // the operation); whoever catches the exception logs it once with what it was doing (GraphQL execution,
            // the outbox dispatcher, the event feed), and expected failures (a taken slug) are not errors at all.
            .ConfigureWarnings(warnings => warnings.Log(
                (RelationalEventId.CommandError, LogLevel.Debug),
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (RelationalEventId.TransactionError, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
        return options;
    }
}
