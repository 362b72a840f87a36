namespace NewsGraph.GraphQL.WebSockets;

/// <summary>The default <see cref="IWebSocketConnectionInitializer"/>: every connection is accepted as it is.</summary>
public sealed class AcceptingWebSocketConnectionInitializer : IWebSocketConnectionInitializer
{
    public ValueTask<WebSocketConnectionInitResult> InitializeAsync(WebSocketConnectionInitContext context, CancellationToken cancellationToken)
        => ValueTask.FromResult(WebSocketConnectionInitResult.Accept());
}
