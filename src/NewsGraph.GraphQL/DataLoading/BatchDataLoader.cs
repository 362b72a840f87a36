using GraphQL.DataLoader;

namespace NewsGraph.GraphQL.DataLoading;

/// <summary>
/// A 1:1 loader in Hot Chocolate's style (e.g. author by id): every key requested while a level of the
/// query resolves is fetched in one <see cref="LoadBatchAsync"/> call. Register it scoped
/// (<see cref="DataLoaderServiceCollectionExtensions.AddDataLoader{TLoader}"/>) so its cache lives for one
/// request. Thread-safe.
/// </summary>
public abstract class BatchDataLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly DataLoaderBatcher<TKey, TValue?> _batcher;

    protected BatchDataLoader()
        => _batcher = new DataLoaderBatcher<TKey, TValue?>(() => Name, FetchAsync, default, () => MaxBatchSize);

    /// <summary>Largest number of keys per fetch; 0 means unlimited. Larger batches are split.</summary>
    protected virtual int MaxBatchSize => 0;

    /// <summary>The loader's name in its batch spans (<c>DataLoader {Name}</c>); the type's name by default.</summary>
    protected virtual string Name => GetType().Name;

    /// <summary>Queues <paramref name="key"/>; the value is null when the batch did not return it.</summary>
    public IDataLoaderResult<TValue?> LoadAsync(TKey key) => _batcher.Load(key);

    /// <summary>Queues several keys; the list has one entry per key, in order.</summary>
    public IDataLoaderResult<IReadOnlyList<TValue?>> LoadAsync(IReadOnlyCollection<TKey> keys) => _batcher.Load(keys);

    /// <summary>Fetches the values of distinct <paramref name="keys"/>; keys without a value may be left out.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    private async Task<IReadOnlyDictionary<TKey, TValue?>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
        => (await LoadBatchAsync(keys, cancellationToken))!;
}
