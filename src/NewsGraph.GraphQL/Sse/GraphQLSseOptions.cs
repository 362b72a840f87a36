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
    /// </summary>
    public int SendQueueCapacity { get; set; } = 256;
}
