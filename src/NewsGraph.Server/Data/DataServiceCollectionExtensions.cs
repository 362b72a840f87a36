using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Data.Cancellation;
using NewsGraph.GraphQL.Data.Filtering;

namespace NewsGraph.Server.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "News";
    public const string DefaultConnectionString = "Data Source=newsgraph.db";

    private const string EfLogCategory = "Microsoft.EntityFrameworkCore";

    /// <summary>
    /// Registers <see cref="IDbContextFactory{NewsDbContext}"/> (for resolvers and loaders that need
    /// their own context) and a scoped <see cref="NewsDbContext"/> created from the same options.
    /// </summary>
    public static IServiceCollection AddNewsData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        string connectionString = configuration.GetConnectionString(ConnectionStringName) ?? DefaultConnectionString;

        // Pooled: every resolver and loader batch takes a context of its own, and a fresh one resolved EF Core's internal
        // services anew (~11% of a front-page request's CPU). A pooled context keeps them; NewsDbContext resets its
        // IncludeUnpublished when disposed, so no viewer's visibility reaches the next user (tested).
        // Interceptors registered in DI (diagnostics, the tests' SQL command counter) apply to every context.
        services.AddPooledDbContextFactory<NewsDbContext>((provider, options) => ConfigureSqlite(options, connectionString)
            .AddInterceptors(provider.GetServices<IInterceptor>()));
        // AddDbContextFactory registered NewsDbContext itself as a scoped service too; the pooled factory does not.
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContext());

        // EF logs every SQL command at Information; keep it quiet unless configuration says otherwise.
        if (configuration[$"Logging:LogLevel:{EfLogCategory}"] is null)
        {
            services.AddLogging(logging => logging.AddFilter(EfLogCategory, LogLevel.Warning));
        }

        return services;
    }

    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString)
    {
        // Readers never write back what they load; writers opt in with AsTracking().
        return options
            // A list parameter (a loader's keys, `in`) is one JSON parameter read with json_each: the SQL text stays the same
            // for any number of values, so EF Core caches it. With one parameter per value (EF Core 10's default) the SQL
            // was generated anew, under a lock, for every query (8% of a front-page request's time, most of it waiting).
            .UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .UseSqliteCaseFolding()
            // A request's timeout or abort stops its running statement instead of leaving it to scan to the end.
            .UseSqliteInterruptOnCancellation()
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
    }
}
