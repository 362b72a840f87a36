using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Schema;

/// <summary>Loads entities by a unique key (ID or slug) for a whole batch with one query.</summary>
public abstract class EntityByKeyDataLoader<TKey, TEntity>(IServiceProvider services) : BatchDataLoader<TKey, TEntity>
    where TKey : notnull
{
    /// <summary>The entities whose key is one of <paramref name="keys"/>.</summary>
    protected abstract IQueryable<TEntity> Query(NewsDbContext db, IReadOnlyList<TKey> keys);

    protected abstract TKey KeyOf(TEntity entity);

    protected override async Task<IReadOnlyDictionary<TKey, TEntity>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        await using var db = await services.CreateNewsDbContextAsync(cancellationToken);
        return await Query(db, keys).ToDictionaryAsync(KeyOf, cancellationToken);
    }
}
