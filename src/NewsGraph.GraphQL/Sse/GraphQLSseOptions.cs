namespace NewsGraph.GraphQL.Sse;

/// <summary>Options of the GraphQL over server-sent events transport (configuration section <c>ServerSentEvents</c> in the server).</summary>
public sealed class GraphQLSseOptions
{
    /// <summary>
    /// After this long without an event the server writes a comment line (<c>:</c>), so proxies and load balancers
    /// do not close an idle stream. Zero or <see cref="Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>
    /// Events that may wait to be written to one stream. When a client reads too slowly and the queue is full,
    /// the server aborts that request, so a slow client never holds memory without bound or slows others.
    /// In single connection mode this is per stream, for all of its operations (events of operations started before
    /// the stream opens wait here too).
    /// </summary>
    public int SendQueueCapacity { get; set; } = 256;

    /// <summary>
    /// Single connection mode: how long a stream reserved with <c>PUT</c> waits for its event stream (the <c>GET</c>
    /// with the token) to open. Then the reservation, and whatever operations it holds, is dropped and the token is
    /// unknown (404). graphql-sse's client opens the stream right after the reservation.
    /// </summary>
    public TimeSpan ReservationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Single connection mode: streams reserved and not yet opened that this instance holds at once. One
    /// <c>PUT</c> more is refused with 503 until one opens or expires, so reservations cannot pile up in memory.
    /// Values below 1 count as 1.
    /// </summary>
    public int MaxReservations { get; set; } = 10_000;

    /// <summary>
    /// Single connection mode: operations one stream runs at once (subscriptions, and queries or mutations while they
    /// execute). One more is refused for its operation id alone with a <c>next</c> carrying the error (code
    /// <c>MAX_OPERATIONS_PER_CONNECTION_EXCEEDED</c>, as over WebSocket) and <c>complete</c>; the stream and its other
    /// operations go on. Values below 1 count as 1.
    /// </summary>
    public int MaxOperationsPerStream { get; set; } = 100;
}
