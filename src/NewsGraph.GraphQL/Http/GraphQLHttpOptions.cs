using System.ComponentModel.DataAnnotations;

namespace NewsGraph.GraphQL.Http;

/// <summary>Options of the GraphQL-over-HTTP transport (<see cref="GraphQLHttpMiddleware"/>).</summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>Accept query operations over GET (mutations over GET are always refused with 405).</summary>
    public bool EnableGetRequests { get; set; } = true;

    /// <summary>
    /// Hand WebSocket upgrades, requests that accept a streamed response (<c>text/event-stream</c>,
    /// <c>multipart/mixed;subscriptionSpec=1.0</c>) and those an <see cref="IGraphQLStreamingRequestMatcher"/> claims
    /// (graphql-sse's single connection mode) to the next middleware (a streaming transport) instead of answering them here.
    /// </summary>
    public bool PassStreamingRequestsToNext { get; set; } = true;

    /// <summary>
    /// Answer <c>GET ?sdl</c> with the schema printed as SDL, as Hot Chocolate does. Turn it off where the
    /// schema should not be discoverable (it reveals what introspection would).
    /// </summary>
    public bool EnableSchemaRequests { get; set; } = true;

    /// <summary>
    /// Accept a JSON array of operations in one POST (request batching, as Apollo Client's <c>BatchHttpLink</c> sends)
    /// and answer it with a JSON array of their results, in order. On by default, unlike Hot Chocolate: Apollo's
    /// batching clients need it, and <see cref="MaxBatchSize"/> and the batch cost budget
    /// (<c>GraphQL:Limits:MaxBatchFieldCost</c>/<c>MaxBatchTypeCost</c>) keep a batch within what one request may do.
    /// </summary>
    public bool EnableBatching { get; set; } = true;

    /// <summary>
    /// Most operations in one batch; a larger batch is refused before anything runs. 25 is 2.5 times Apollo Client's
    /// <c>BatchHttpLink</c> default <c>batchMax</c> of 10.
    /// </summary>
    [Range(1, 1_000)]
    public int MaxBatchSize { get; set; } = 25;
}
