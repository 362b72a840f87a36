namespace NewsGraph.GraphQL.WebSockets;

/// <summary>One message read by <see cref="WebSocketMessageReader"/>.</summary>
internal readonly record struct WebSocketReadResult(ReadOnlyMemory<byte> Message, bool IsClose, bool TooBig)
{
    public static WebSocketReadResult Closed => new(default, true, false);

    public static WebSocketReadResult Oversized => new(default, false, true);
}
