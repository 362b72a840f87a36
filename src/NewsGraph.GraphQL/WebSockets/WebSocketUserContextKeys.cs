namespace NewsGraph.GraphQL.WebSockets;

/// <summary>Keys the WebSocket transport puts into the user context of every execution.</summary>
public static class WebSocketUserContextKeys
{
    /// <summary>The <c>connection_init</c> payload (an <c>IReadOnlyDictionary&lt;string, object?&gt;</c>), when the client sent a non-empty one.</summary>
    public const string ConnectionInitPayload = "NewsGraph.WebSockets.ConnectionInitPayload";
}
