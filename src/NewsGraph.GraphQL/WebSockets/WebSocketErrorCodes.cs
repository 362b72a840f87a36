namespace NewsGraph.GraphQL.WebSockets;

/// <summary><c>extensions.code</c> of the GraphQL errors the WebSocket transport itself reports for an operation.</summary>
public static class WebSocketErrorCodes
{
    /// <summary>
    /// The connection already runs <see cref="GraphQLWebSocketOptions.MaxOperationsPerConnection"/> operations
    /// (Hot Chocolate and graphql-ws have no such limit, hence our own name).
    /// </summary>
    public const string MaxOperationsPerConnectionExceeded = "MAX_OPERATIONS_PER_CONNECTION_EXCEEDED";
}
