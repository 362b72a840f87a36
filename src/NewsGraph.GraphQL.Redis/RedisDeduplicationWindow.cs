namespace NewsGraph.GraphQL.Redis;

/// <summary>
/// The most recent envelope ids of one topic. A send that timed out may have reached Redis before the retry
/// wrote the same envelope again; the reader drops the second copy. Bounded: the oldest id is forgotten first.
/// </summary>
internal sealed class RedisDeduplicationWindow(int capacity)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>True the first time an id is seen (or when there is no id), false for a repeat.</summary>
    public bool TryAdd(string? id)
    {
        if (id is null || capacity <= 0)
        {
            return true;
        }

        if (!_ids.Add(id))
        {
            return false;
        }

        _order.Enqueue(id);
        if (_order.Count > capacity)
        {
            _ids.Remove(_order.Dequeue());
        }

        return true;
    }
}
