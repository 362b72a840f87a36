namespace NewsGraph.GraphQL.WebSockets;

/// <summary>
/// The WebSocket sub-protocols the server speaks. The names are a known trap: <c>graphql-transport-ws</c> is the
/// modern graphql-ws library's protocol, while <c>graphql-ws</c> is the legacy Apollo subscriptions-transport-ws one.
/// </summary>
public static class WebSocketSubProtocols
{
    /// <summary>The graphql-ws protocol (enisdenjo/graphql-ws PROTOCOL.md).</summary>
    public const string GraphQLTransportWs = "graphql-transport-ws";

    /// <summary>The legacy subscriptions-transport-ws protocol (older Apollo clients, Banana Cake Pop's option).</summary>
    public const string GraphQLWs = "graphql-ws";
}
