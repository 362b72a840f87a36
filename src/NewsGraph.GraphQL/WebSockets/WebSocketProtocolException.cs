namespace NewsGraph.GraphQL.WebSockets;

/// <summary>A protocol violation by the client: the connection is closed with <see cref="CloseCode"/>.</summary>
internal sealed class WebSocketProtocolException : Exception
{
    public WebSocketProtocolException(int closeCode, string message)
        : base(message) => CloseCode = closeCode;

    public int CloseCode { get; }
}
