using GraphQL.DataLoader;
using NewsGraph.GraphQL.Diagnostics;

namespace NewsGraph.GraphQL.DataLoading;

/// <summary>
/// The batching and caching core shared by <see cref="BatchDataLoader{TKey, TValue}"/> and
/// <see cref="GroupedDataLoader{TKey, TValue}"/>. Keys queue into the pending batch; the first
/// <c>GetResultAsync</c> on any of its results closes the batch (later keys start a new one) and fetches
/// all of its keys in one call. Results are cached per key for the batcher's lifetime (one DI scope);
/// a failed or cancelled batch is evicted so it is not cached. Each batch is a span (<see cref="DataLoaderBatchActivity"/>),
/// a child of the operation's span since it runs in the operation's flow.
/// </summary>
internal sealed class DataLoaderBatcher<TKey, TResult>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, KeyResult> _cache = [];
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TResult>>> _fetch;
    private readonly TResult _missing;
    private readonly Func<int> _maxBatchSize;
    private readonly Func<string> _name;
    private Batch? _pending;

    /// <param name="name">The loader's name in its batch spans; read only when a span is recorded.</param>
    /// <param name="fetch">Loads the values of a batch of distinct keys.</param>
    /// <param name="missing">Result for a key the fetch did not return.</param>
    /// <param name="maxBatchSize">Read at dispatch time; 0 or less means unlimited.</param>
    public DataLoaderBatcher(
        Func<string> name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TResult>>> fetch,
        TResult missing,
        Func<int> maxBatchSize)
    {
        _fetch = fetch;
        _missing = missing;
        _maxBatchSize = maxBatchSize;
        _name = name;
    }

    public IDataLoaderResult<TResult> Load(TKey key)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return cached;
            }

            _pending ??= new Batch(this);
            _pending.Keys.Add(key);
            var result = new KeyResult(_pending, key);
            _cache.Add(key, result);
            return result;
        }
    }

    public IDataLoaderResult<IReadOnlyList<TResult>> Load(IReadOnlyCollection<TKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var results = new List<IDataLoaderResult<TResult>>(keys.Count);
        foreach (var key in keys)
        {
            results.Add(Load(key));
        }

        return new DataLoaderListResult<TResult>(results);
    }

    private async Task RunAsync(Batch batch, CancellationToken cancellationToken)
    {
        using var activity = DataLoaderBatchActivity.Start(_name, batch.Keys.Count);
        try
        {
            batch.Complete(await FetchAllAsync(batch.Keys, cancellationToken));
        }
#pragma warning disable CA1031 // Any fetch failure must fault the batch's results, not escape to one caller.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            DataLoaderBatchActivity.Failed(activity, ex);
            Evict(batch);
            batch.Fail(ex);
        }
    }

    private async Task<IReadOnlyDictionary<TKey, TResult>> FetchAllAsync(List<TKey> keys, CancellationToken cancellationToken)
    {
        var maxBatchSize = _maxBatchSize();
        if (maxBatchSize <= 0 || keys.Count <= maxBatchSize)
        {
            return await FetchOneAsync(keys, cancellationToken);
        }

        // Chunks of one batch are independent, so they are fetched concurrently.
        var chunks = await Task.WhenAll(keys.Chunk(maxBatchSize).Select(chunk => FetchOneAsync(chunk, cancellationToken)));
        var merged = new Dictionary<TKey, TResult>(keys.Count);
        foreach (var chunk in chunks)
        {
            foreach (var (key, value) in chunk)
            {
                merged[key] = value;
            }
        }

        return merged;
    }

    private async Task<IReadOnlyDictionary<TKey, TResult>> FetchOneAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await _fetch(keys, cancellationToken)
            ?? throw new InvalidOperationException("A data loader's batch function returned null instead of a result.");
    }

    private void Evict(Batch batch)
    {
        lock (_gate)
        {
            foreach (var key in batch.Keys)
            {
                if (_cache.TryGetValue(key, out var cached) && ReferenceEquals(cached.Batch, batch))
                {
                    _cache.Remove(key);
                }
            }
        }
    }

    /// <summary>A set of keys fetched together; dispatched once, by the first caller that needs a result.</summary>
    private sealed class Batch(DataLoaderBatcher<TKey, TResult> owner)
    {
        private readonly TaskCompletionSource<IReadOnlyDictionary<TKey, TResult>> _completion =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        private bool _dispatched; // guarded by owner._gate

        /// <summary>Only mutated under owner._gate while this is the pending batch; read-only after dispatch.</summary>
        public List<TKey> Keys { get; } = [];

        public async Task<IReadOnlyDictionary<TKey, TResult>> GetResultsAsync(CancellationToken cancellationToken)
        {
            bool dispatch;
            lock (owner._gate)
            {
                dispatch = !_dispatched;
                if (dispatch)
                {
                    _dispatched = true;
                    if (ReferenceEquals(owner._pending, this))
                    {
                        // Keys loaded from now on go to the next batch.
                        owner._pending = null;
                    }
                }
            }

            if (dispatch)
            {
                await owner.RunAsync(this, cancellationToken);
            }

            return await _completion.Task.WaitAsync(cancellationToken);
        }

        public TResult Missing => owner._missing;

        public void Complete(IReadOnlyDictionary<TKey, TResult> results) => _completion.TrySetResult(results);

        public void Fail(Exception exception)
        {
            if (exception is OperationCanceledException canceled)
            {
                _completion.TrySetCanceled(canceled.CancellationToken);
            }
            else
            {
                _completion.TrySetException(exception);
            }
        }
    }

    /// <summary>The deferred result of one key; the engine awaits it after the rest of the level has run.</summary>
    private sealed class KeyResult(Batch batch, TKey key) : IDataLoaderResult<TResult>
    {
        public Batch Batch => batch;

        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var results = await batch.GetResultsAsync(cancellationToken);
            return results.TryGetValue(key, out var value) ? value : batch.Missing;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken)
            => await GetResultAsync(cancellationToken);
    }
}
