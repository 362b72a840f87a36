using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsGraph.Server.Data;

public static class DataServiceCollectionExtensions
{
    private const string EfLogCategory = "Microsoft.EntityFrameworkCore";

    /// <summary>
    /// Registers <see cref="IDbContextFactory{NewsDbContext}"/> (for resolvers and loaders that need their own context)
    /// and a scoped <see cref="NewsDbContext"/> created from the same options, on the provider that
    /// <c>Database:Provider</c> names (<see cref="DatabaseSettings"/>; a name that is none stops the server here).
    /// </summary>
    public static IServiceCollection AddNewsData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var provider = DatabaseSettings.Provider(configuration);
        var connectionString = DatabaseSettings.ConnectionString(configuration, provider);
        _ = provider switch
        {
            DatabaseProvider.Sqlite => services.AddNewsDbContext<SqliteNewsDbContext>(provider, connectionString),
            DatabaseProvider.PostgreSQL => services.AddNewsDbContext<PostgreSqlNewsDbContext>(provider, connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(configuration), provider, null),
        };

        // EF logs every SQL command at Information; keep it quiet unless configuration says otherwise.
        if (configuration[$"Logging:LogLevel:{EfLogCategory}"] is null)
        {
            services.AddLogging(logging => logging.AddFilter(EfLogCategory, LogLevel.Warning));
        }

        return services;
    }

    private static IServiceCollection AddNewsDbContext<TContext>(this IServiceCollection services, DatabaseProvider provider, string connectionString)
        where TContext : NewsDbContext
    {
        // Pooled: every resolver and loader batch takes a context of its own, and a fresh one resolved EF Core's internal
        // services anew (~11% of a front-page request's CPU). A pooled context keeps them; NewsDbContext resets its
        // IncludeUnpublished when disposed, so no viewer's visibility reaches the next user (tested).
        // Interceptors registered in DI (diagnostics, the tests' SQL command counter) apply to every context.
        services.AddPooledDbContextFactory<TContext>((services, options) => NewsDbContextOptions.Configure(options, provider, connectionString)
            .AddInterceptors(services.GetServices<IInterceptor>()));
        services.AddSingleton<IDbContextFactory<NewsDbContext>, NewsDbContextFactory<TContext>>();
        // The pooled factory does not register the context itself as a scoped service; requests that want one get it here.
        services.AddScoped(services => services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContext());
        return services;
    }
}
