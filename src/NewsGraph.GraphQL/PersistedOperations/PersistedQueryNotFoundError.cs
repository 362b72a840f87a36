using GraphQL.Execution;

namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>
/// An APQ hash arrived without its query and is not cached. The message is fixed by Apollo's APQ protocol: clients
/// match on it and retry with the query. Code as Hot Chocolate sends it.
/// </summary>
public sealed class PersistedQueryNotFoundError : RequestError
{
    public PersistedQueryNotFoundError()
        : base("PersistedQueryNotFound")
    {
        Code = PersistedOperationErrorCodes.NotFound;
    }
}
