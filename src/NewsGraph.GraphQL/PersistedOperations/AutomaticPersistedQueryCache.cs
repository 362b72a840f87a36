namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>
/// Bounded in-memory store of APQ documents by SHA-256 hex. When full, the least recently used entry goes, so a
/// client registering endless distinct queries cannot grow memory (entries are bounded by the document-size limit).
/// </summary>
public sealed class AutomaticPersistedQueryCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<KeyValuePair<string, string>>> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly LinkedList<KeyValuePair<string, string>> _recency = new();

    public AutomaticPersistedQueryCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(string hash, out string query)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(hash, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                query = node.Value.Value;
                return true;
            }
        }

        query = null!;
        return false;
    }

    public void Set(string hash, string query)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(hash, out var existing))
            {
                _recency.Remove(existing);
                _entries.Remove(hash);
            }
            else if (_entries.Count >= Capacity && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }

            _entries[hash] = _recency.AddFirst(new KeyValuePair<string, string>(hash, query));
        }
    }
}
