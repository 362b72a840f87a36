namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>Trusted documents by id; loaded once at start-up.</summary>
public interface IPersistedOperationStore
{
    IReadOnlyCollection<PersistedOperation> Operations { get; }

    /// <summary>Finds a document by MD5 hex (Hot Chocolate's and Relay's default) or SHA-256 hex, case-insensitively.</summary>
    bool TryGet(string id, out PersistedOperation operation);
}
