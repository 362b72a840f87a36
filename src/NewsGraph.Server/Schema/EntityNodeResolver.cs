using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Schema;

/// <summary>Resolves `node`/`nodes` IDs of one entity type with one query per batch.</summary>
internal sealed class EntityNodeResolver<T>(
    string typeName,
    Func<NewsDbContext, IQueryable<T>> source,
    Expression<Func<T, int>> id) : INodeResolver
    where T : class
{
    private readonly Func<T, int> _compiledId = id.Compile();

    public string TypeName => typeName;

    public async Task<IReadOnlyDictionary<int, object>> ResolveAsync(
        IReadOnlyList<int> ids, IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.CreateNewsDbContextAsync(cancellationToken);
        var idIn = Expression.Lambda<Func<T, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)], Expression.Constant(ids), id.Body),
            id.Parameters);
        var entities = await source(db).Where(idIn).ToListAsync(cancellationToken);
        return entities.ToDictionary(_compiledId, e => (object)e);
    }
}
