using System.Collections.Concurrent;
using System.Linq.Expressions;
using GraphQL.DataLoader;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Schema;

/// <summary>
/// Loads a nested connection (for example an author's articles) for every parent of a request with one
/// SQL command per distinct set of arguments, instead of one per parent.
/// </summary>
public abstract class ConnectionDataLoader<TKey, T>(IServiceProvider services)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<string, Batch> _batches = new(StringComparer.Ordinal);

    /// <summary>The column that ties a row to its parent.</summary>
    protected abstract Expression<Func<T, TKey>> ParentKey { get; }

    private IServiceProvider Services { get; } = services;

    public IDataLoaderResult<Connection<T>?> LoadAsync(TKey parentKey, ConnectionRequest<T> request) =>
        _batches.GetOrAdd(request.Key, _ => new Batch(this, request)).LoadAsync(parentKey);

    protected abstract IQueryable<T> Source(NewsDbContext db);

    /// <summary>One page per parent; the default is a single windowed query over all parents.</summary>
    protected virtual Task<IReadOnlyDictionary<TKey, Connection<T>>> LoadConnectionsAsync(
        NewsDbContext db,
        IQueryable<T> source,
        IReadOnlyList<TKey> parentKeys,
        ConnectionRequest<T> request,
        CancellationToken cancellationToken) =>
        source.ToBatchConnectionsAsync(ParentKey, [.. parentKeys], request, cancellationToken);

    private sealed class Batch(ConnectionDataLoader<TKey, T> owner, ConnectionRequest<T> request)
        : BatchDataLoader<TKey, Connection<T>>
    {
        protected override string Name => owner.GetType().Name;

        protected override async Task<IReadOnlyDictionary<TKey, Connection<T>>> LoadBatchAsync(
            IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
        {
            await using var db = await owner.Services.CreateNewsDbContextAsync(cancellationToken);
            var source = owner.Source(db);
            if (request.Predicate is { } predicate)
            {
                source = source.Where(predicate);
            }

            return await owner.LoadConnectionsAsync(db, source, keys, request, cancellationToken);
        }
    }
}
