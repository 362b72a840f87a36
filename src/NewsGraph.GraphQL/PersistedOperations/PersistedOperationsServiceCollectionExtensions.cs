using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>Registers trusted documents (loaded and hashed here, once) and the APQ cache for the request executor.</summary>
public static class PersistedOperationsServiceCollectionExtensions
{
    /// <summary>
    /// Trusted documents from <paramref name="directory"/> (loaded here, so a missing folder fails now) and the APQ
    /// cache, both used as the registered <see cref="PersistedOperationOptions"/> say.
    /// </summary>
    /// <param name="directory">The resolved folder of trusted documents; null or missing means none.</param>
    public static IServiceCollection AddPersistedOperations(this IServiceCollection services, string? directory)
    {
        ArgumentNullException.ThrowIfNull(services);

        IPersistedOperationStore store = directory is null ? FileSystemPersistedOperationStore.Empty : FileSystemPersistedOperationStore.Load(directory);
        services.TryAddSingleton(store);
        services.TryAddSingleton(static provider =>
            new AutomaticPersistedQueryCache(provider.GetRequiredService<PersistedOperationOptions>().AutomaticPersistedQueryCacheSize));
        services.TryAddSingleton<PersistedOperationResolver>();
        return services;
    }

    /// <summary>The same with the given options.</summary>
    /// <param name="directory">The resolved folder of trusted documents; null or missing means none.</param>
    public static IServiceCollection AddPersistedOperations(this IServiceCollection services, PersistedOperationOptions options, string? directory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);

        services.TryAddSingleton(options);
        return services.AddPersistedOperations(directory);
    }
}
