namespace NewsGraph.GraphQL.WebSockets;

/// <summary>Options of the GraphQL WebSocket transport (configuration section <c>WebSockets</c> in the server).</summary>
public sealed class GraphQLWebSocketOptions
{
    /// <summary>
    /// How long a client may take to send <c>connection_init</c> before the server closes with 4408
    /// (Hot Chocolate's default, 10 s; the graphql-ws JS server uses 3 s).
    /// </summary>
    public TimeSpan ConnectionInitializationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Interval of the server's keep-alive message once the connection is acknowledged: <c>ping</c> on
    /// graphql-transport-ws, <c>ka</c> on the legacy protocol (Hot Chocolate's default, 5 s). Zero or
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables it (legacy Apollo clients then drop idle connections).
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Messages that may wait to be sent to one connection, before <see cref="SendQueueCapacityPerOperation"/> is
    /// added for its operations. When a client reads too slowly and the queue is full, the server closes that
    /// connection (1008), so a slow client never holds memory without bound or slows others.
    /// </summary>
    public int SendQueueCapacity { get; set; } = 256;

    /// <summary>
    /// Messages added to a connection's send queue capacity for each operation it runs at once (counted at its
    /// peak): one event reaches every subscription of a connection in the same instant, so a client that reads must
    /// have room for a burst of a few events on each of them. With the defaults a connection at
    /// <see cref="MaxOperationsPerConnection"/> may hold 256 + 100 × 8 = 1,056 messages.
    /// </summary>
    public int SendQueueCapacityPerOperation { get; set; } = 8;

    /// <summary>
    /// Operations (subscriptions, but also queries and mutations still executing) one connection may run at once.
    /// One more is refused with an <c>error</c> message for its id (code
    /// <see cref="WebSocketErrorCodes.MaxOperationsPerConnectionExceeded"/>); the connection and its other operations
    /// go on. It also bounds the send queue's capacity. Values below 1 count as 1.
    /// </summary>
    public int MaxOperationsPerConnection { get; set; } = 100;

    /// <summary>Largest message the server reads, in bytes; a larger one closes the connection with 1009.</summary>
    public int MaxMessageSize { get; set; } = 1024 * 1024;

    /// <summary>
    /// How long the server waits for its close frame to go out and the client to answer it before aborting
    /// the connection (a dead client never answers).
    /// </summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Sub-protocols accepted, in the server's order of support.</summary>
    public IList<string> SubProtocols { get; } = [WebSocketSubProtocols.GraphQLTransportWs, WebSocketSubProtocols.GraphQLWs];
}
