using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsGraph.GraphQL.DataLoading;

/// <summary>Registers data loaders.</summary>
public static class DataLoaderServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TLoader"/> scoped: one instance, and so one cache, per HTTP request or
    /// subscription event; the cache never outlives the request.
    /// </summary>
    public static IServiceCollection AddDataLoader<TLoader>(this IServiceCollection services)
        where TLoader : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<TLoader>();
        return services;
    }
}
