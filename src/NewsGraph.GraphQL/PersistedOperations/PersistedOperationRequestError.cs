using GraphQL.Execution;

namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>A malformed persisted-operation request (both a query and an id, a wrong APQ hash or version).</summary>
public sealed class PersistedOperationRequestError : RequestError
{
    public PersistedOperationRequestError(string message, string code)
        : base(message)
    {
        Code = code;
    }
}
