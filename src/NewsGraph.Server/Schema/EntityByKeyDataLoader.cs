using System.Collections.Concurrent;
using System.Linq.Expressions;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Schema;

/// <summary>
/// Loads entities by a unique key (ID or slug) for a whole batch with one query. Look-ups that know what their
/// selection reads pass a projection (<see cref="NewsGraph.GraphQL.Data.Projection.SelectionProjection"/>): keys
/// with the same projection are batched together and read only those columns, with the references it joins.
/// </summary>
public abstract class EntityByKeyDataLoader<TKey, TEntity>(IServiceProvider services) : BatchDataLoader<TKey, TEntity>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<Expression<Func<TEntity, TEntity>>, ProjectedBatch> _projected = new();

    /// <summary>
    /// Queues <paramref name="key"/> to be read with <paramref name="projection"/>, which must keep the member the key
    /// is read from; null reads whole rows.
    /// </summary>
    public IDataLoaderResult<TEntity?> LoadAsync(TKey key, Expression<Func<TEntity, TEntity>>? projection) =>
        projection is null ? LoadAsync(key) : _projected.GetOrAdd(projection, p => new ProjectedBatch(this, p)).LoadAsync(key);

    /// <summary>The entities whose key is one of <paramref name="keys"/>.</summary>
    protected abstract IQueryable<TEntity> Query(NewsDbContext db, IReadOnlyList<TKey> keys);

    protected abstract TKey KeyOf(TEntity entity);

    protected override Task<IReadOnlyDictionary<TKey, TEntity>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken) =>
        LoadAsync(keys, query => query, cancellationToken);

    private async Task<IReadOnlyDictionary<TKey, TEntity>> LoadAsync(
        IReadOnlyList<TKey> keys, Func<IQueryable<TEntity>, IQueryable<TEntity>> shape, CancellationToken cancellationToken)
    {
        await using var db = await services.CreateNewsDbContextAsync(cancellationToken);
        return await shape(Query(db, keys)).ToDictionaryAsync(KeyOf, cancellationToken);
    }

    private sealed class ProjectedBatch(EntityByKeyDataLoader<TKey, TEntity> owner, Expression<Func<TEntity, TEntity>> projection)
        : BatchDataLoader<TKey, TEntity>
    {
        protected override Task<IReadOnlyDictionary<TKey, TEntity>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken) =>
            owner.LoadAsync(keys, query => query.Select(projection), cancellationToken);
    }
}
