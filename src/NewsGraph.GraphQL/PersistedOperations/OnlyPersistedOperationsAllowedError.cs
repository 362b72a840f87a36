using GraphQL.Execution;

namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>A document was sent while the server is locked down to trusted documents; Hot Chocolate's message and code.</summary>
public sealed class OnlyPersistedOperationsAllowedError : RequestError
{
    public OnlyPersistedOperationsAllowedError()
        : base("Only persisted operations are allowed.")
    {
        Code = PersistedOperationErrorCodes.OnlyPersistedAllowed;
    }
}
