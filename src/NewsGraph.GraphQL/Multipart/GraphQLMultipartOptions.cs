namespace NewsGraph.GraphQL.Multipart;

/// <summary>Options of the multipart HTTP subscriptions transport (configuration section <c>Multipart</c> in the server).</summary>
public sealed class GraphQLMultipartOptions
{
    /// <summary>
    /// After this long without a part the server writes a heartbeat part (<c>{}</c>), as Apollo's protocol asks (its
    /// router sends one every 5 s), so proxies and load balancers do not close an idle stream. Zero or
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Parts that may wait to be written to one stream. When a client reads too slowly and the queue is full, the
    /// server aborts that request, so a slow client never holds memory without bound or slows others.
    /// </summary>
    public int SendQueueCapacity { get; set; } = 256;
}
