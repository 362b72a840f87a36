using GraphQL.DataLoader;

namespace NewsGraph.GraphQL.DataLoading;

/// <summary>
/// A 1:n loader in Hot Chocolate's style (e.g. tags by article id): every key requested while a level
/// resolves is fetched in one <see cref="LoadGroupsAsync"/> call; a key without a group yields an empty
/// list. Register it scoped. Thread-safe.
/// </summary>
public abstract class GroupedDataLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly DataLoaderBatcher<TKey, IReadOnlyList<TValue>> _batcher;

    protected GroupedDataLoader()
        => _batcher = new DataLoaderBatcher<TKey, IReadOnlyList<TValue>>(() => Name, FetchAsync, [], () => MaxBatchSize);

    /// <summary>Largest number of keys per fetch; 0 means unlimited. Larger batches are split.</summary>
    protected virtual int MaxBatchSize => 0;

    /// <summary>The loader's name in its batch spans (<c>DataLoader {Name}</c>); the type's name by default.</summary>
    protected virtual string Name => GetType().Name;

    public IDataLoaderResult<IReadOnlyList<TValue>> LoadAsync(TKey key) => _batcher.Load(key);

    /// <summary>Fetches the groups of distinct <paramref name="keys"/>.</summary>
    protected abstract Task<ILookup<TKey, TValue>> LoadGroupsAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    private async Task<IReadOnlyDictionary<TKey, IReadOnlyList<TValue>>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var groups = await LoadGroupsAsync(keys, cancellationToken)
            ?? throw new InvalidOperationException("LoadGroupsAsync returned null instead of a lookup.");

        // Materialise per key once, so every field sharing a key gets the same list without re-enumerating.
        var results = new Dictionary<TKey, IReadOnlyList<TValue>>(keys.Count);
        foreach (var key in keys)
        {
            if (groups.Contains(key))
            {
                results[key] = groups[key].ToArray();
            }
        }

        return results;
    }
}
