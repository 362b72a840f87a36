namespace NewsGraph.GraphQL.Http;

/// <summary>Options of the GraphQL-over-HTTP transport (<see cref="GraphQLHttpMiddleware"/>).</summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>Accept query operations over GET (mutations over GET are always refused with 405).</summary>
    public bool EnableGetRequests { get; set; } = true;

    /// <summary>
    /// Hand WebSocket upgrades and requests that accept a streamed response (<c>text/event-stream</c>,
    /// <c>multipart/mixed;subscriptionSpec=1.0</c>) to the next middleware
    /// (a streaming transport) instead of answering them here.
    /// </summary>
    public bool PassStreamingRequestsToNext { get; set; } = true;

    /// <summary>
    /// Answer <c>GET ?sdl</c> with the schema printed as SDL, as Hot Chocolate does. Turn it off where the
    /// schema should not be discoverable (it reveals what introspection would).
    /// </summary>
    public bool EnableSchemaRequests { get; set; } = true;
}
