using GraphQL;

namespace NewsGraph.GraphQL.WebSockets;

/// <summary>
/// A <c>subscribe</c>/<c>start</c> while the connection already runs as many operations as it may: refused for that
/// id only, with the limit in <c>extensions.maxAllowedOperations</c> so a client can tell what to complete first.
/// </summary>
public sealed class MaxOperationsPerConnectionError : ExecutionError
{
    public MaxOperationsPerConnectionError(int maxAllowedOperations)
        : base($"The connection already runs {maxAllowedOperations} operations, the most it may run at once; complete one before starting another.")
    {
        Code = WebSocketErrorCodes.MaxOperationsPerConnectionExceeded;
        this.AddExtension("maxAllowedOperations", maxAllowedOperations);
    }
}
