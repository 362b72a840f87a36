using NewsGraph.GraphQL.DataLoading;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Server.Schema;

public static class LoaderNodeResolverServiceCollectionExtensions
{
    /// <summary>
    /// Makes <c>node</c>/<c>nodes</c> resolve IDs of <paramref name="typeName"/> through <typeparamref name="TLoader"/>,
    /// which is registered too.
    /// </summary>
    public static IServiceCollection AddLoaderNodeResolver<TLoader, TEntity>(this IServiceCollection services, string typeName)
        where TLoader : BatchDataLoader<int, TEntity>
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDataLoader<TLoader>();
        services.AddSingleton<INodeResolver>(new LoaderNodeResolver<TLoader, TEntity>(typeName));
        return services;
    }
}
