namespace NewsGraph.GraphQL.WebSockets;

/// <summary>The answer of an <see cref="IWebSocketConnectionInitializer"/> to <c>connection_init</c>.</summary>
public sealed class WebSocketConnectionInitResult
{
    private WebSocketConnectionInitResult(bool accepted, string? reason, IReadOnlyDictionary<string, object?>? ackPayload)
    {
        IsAccepted = accepted;
        Reason = reason;
        AckPayload = ackPayload;
    }

    public bool IsAccepted { get; }

    /// <summary>Why the connection was refused; sent as the close reason (and in the legacy <c>connection_error</c>).</summary>
    public string? Reason { get; }

    /// <summary>Optional payload of <c>connection_ack</c>.</summary>
    public IReadOnlyDictionary<string, object?>? AckPayload { get; }

    public static WebSocketConnectionInitResult Accept(IReadOnlyDictionary<string, object?>? ackPayload = null) => new(true, null, ackPayload);

    public static WebSocketConnectionInitResult Reject(string reason = "Forbidden") => new(false, reason, null);
}
