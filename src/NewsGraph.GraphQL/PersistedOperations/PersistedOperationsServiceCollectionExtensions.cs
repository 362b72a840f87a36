using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>Registers trusted documents (loaded and hashed here, once) and the APQ cache for the request executor.</summary>
public static class PersistedOperationsServiceCollectionExtensions
{
    /// <param name="directory">The resolved folder of trusted documents; null or missing means none.</param>
    public static IServiceCollection AddPersistedOperations(this IServiceCollection services, PersistedOperationOptions options, string? directory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);

        IPersistedOperationStore store = directory is null ? FileSystemPersistedOperationStore.Empty : FileSystemPersistedOperationStore.Load(directory);
        services.TryAddSingleton(options);
        services.TryAddSingleton(store);
        services.TryAddSingleton(new AutomaticPersistedQueryCache(options.AutomaticPersistedQueryCacheSize));
        services.TryAddSingleton<PersistedOperationResolver>();
        return services;
    }
}
