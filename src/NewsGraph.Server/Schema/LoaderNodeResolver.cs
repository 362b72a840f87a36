using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Server.Schema;

/// <summary>
/// Resolves `node`/`nodes` IDs of one type through that type's by-ID loader: the same query, the same visibility
/// rules and the same per-request cache as `article(id:)` and the nested fields.
/// </summary>
internal sealed class LoaderNodeResolver<TLoader, TEntity>(string typeName) : INodeResolver
    where TLoader : BatchDataLoader<int, TEntity>
    where TEntity : class
{
    public string TypeName => typeName;

    public async Task<IReadOnlyDictionary<int, object>> ResolveAsync(
        IReadOnlyList<int> ids, IServiceProvider services, CancellationToken cancellationToken)
    {
        var entities = await services.GetRequiredService<TLoader>().LoadAsync([.. ids]).GetResultAsync(cancellationToken);
        var found = new Dictionary<int, object>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            if (entities[i] is { } entity)
            {
                found[ids[i]] = entity;
            }
        }

        return found;
    }
}
