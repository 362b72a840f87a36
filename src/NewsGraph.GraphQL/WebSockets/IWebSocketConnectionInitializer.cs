namespace NewsGraph.GraphQL.WebSockets;

/// <summary>
/// Decides whether a WebSocket connection is accepted when its <c>connection_init</c> arrives (the place for
/// authentication from the init payload, e.g. an API key or bearer token). A rejection closes the connection
/// with 4403 (after <c>connection_error</c> on the legacy protocol). Registered as a singleton.
/// </summary>
public interface IWebSocketConnectionInitializer
{
    ValueTask<WebSocketConnectionInitResult> InitializeAsync(WebSocketConnectionInitContext context, CancellationToken cancellationToken);
}
