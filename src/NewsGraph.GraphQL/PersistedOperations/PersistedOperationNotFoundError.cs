using GraphQL.Execution;

namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>No trusted document has the requested id; Hot Chocolate's message and code (HTTP 400).</summary>
public sealed class PersistedOperationNotFoundError : RequestError
{
    public PersistedOperationNotFoundError()
        : base("The specified persisted operation key is invalid.")
    {
        Code = PersistedOperationErrorCodes.NotFound;
    }
}
