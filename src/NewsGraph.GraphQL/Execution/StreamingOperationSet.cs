namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// The running operations of one streaming connection (a WebSocket, an SSE stream in single connection mode) by their
/// client-chosen ids, bounded, thread-safe: operations start from requests and end from their event streams at once.
/// Once closed it takes no operation again, so none can start on a connection that is gone.
/// </summary>
internal sealed class StreamingOperationSet
{
    private readonly Dictionary<string, StreamingOperation> _operations = new(StringComparer.Ordinal);
    private bool _closed;

    /// <summary>
    /// Registers <paramref name="operation"/> unless the set is closed, its id is in use (or, with
    /// <paramref name="replaceActive"/>, replaces the one using it: returned in <paramref name="replaced"/>, not yet
    /// ended) or <paramref name="maxOperations"/> run already. <paramref name="onAdded"/> runs under the lock with the
    /// new count, before the operation can produce anything.
    /// </summary>
    public StreamingOperationAdmission TryAdd(
        StreamingOperation operation, int maxOperations, bool replaceActive, out StreamingOperation? replaced, Action<int>? onAdded = null)
    {
        replaced = null;
        lock (_operations)
        {
            if (_closed)
            {
                return StreamingOperationAdmission.Closed;
            }

            if (_operations.TryGetValue(operation.Id, out var active))
            {
                if (!replaceActive)
                {
                    return StreamingOperationAdmission.IdInUse;
                }

                replaced = active;
            }
            else if (_operations.Count >= maxOperations)
            {
                return StreamingOperationAdmission.TooMany;
            }

            _operations[operation.Id] = operation;
            onAdded?.Invoke(_operations.Count);
            return StreamingOperationAdmission.Added;
        }
    }

    /// <summary>The client stops an operation: removed and ended. False when no operation has this id.</summary>
    public bool Stop(string id)
    {
        StreamingOperation? operation;
        lock (_operations)
        {
            if (!_operations.Remove(id, out operation))
            {
                return false;
            }
        }

        operation.End();
        return true;
    }

    /// <summary>Removes the operation (not another that took its id since) and ends it; false when it had already ended.</summary>
    public bool Finish(StreamingOperation operation)
    {
        lock (_operations)
        {
            if (_operations.TryGetValue(operation.Id, out var current) && ReferenceEquals(current, operation))
            {
                _operations.Remove(operation.Id);
            }
        }

        var wasActive = !operation.HasEnded;
        operation.End();
        return wasActive;
    }

    /// <summary>Ends every operation; with <paramref name="close"/> the set takes none after it.</summary>
    public void EndAll(bool close)
    {
        StreamingOperation[] operations;
        lock (_operations)
        {
            _closed |= close;
            operations = [.. _operations.Values];
            _operations.Clear();
        }

        foreach (var operation in operations)
        {
            operation.End();
        }
    }
}
