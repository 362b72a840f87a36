using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Diagnostics;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Http;
using NewsGraph.GraphQL.Streaming;

namespace NewsGraph.GraphQL.Sse;

/// <summary>
/// GraphQL over server-sent events (graphql-sse). Distinct connections mode: a GET or POST with
/// <c>Accept: text/event-stream</c> gets <c>next</c> events and a final <c>complete</c>; the client ends a subscription
/// by closing the connection. Requests, single results and errors are handled as by every streaming HTTP transport
/// (<see cref="GraphQLHttpStreamHandler"/>): only a client that accepts nothing but the event stream gets a single
/// result as a <c>next</c> event and <c>complete</c>, as graphql-sse's PROTOCOL.md describes.
/// Single connection mode (<c>PUT</c>, and requests carrying a stream token) is <see cref="SseSingleConnection"/>; its
/// event stream is written by the same queue and writer.
/// When the server shuts down, a subscription's stream ends after the events already queued, without <c>complete</c>:
/// that event tells a client the subscription is over, while a stream that just ends is one it opens again (to
/// another instance; graphql-sse's client retries it, a browser's EventSource reconnects).
/// </summary>
public sealed class GraphQLSseMiddleware
{
    private readonly RequestDelegate _next;
    private readonly GraphQLHttpStreamHandler _handler;
    private readonly SseSingleConnection _singleConnection;

    public GraphQLSseMiddleware(
        RequestDelegate next, IOptions<GraphQLSseOptions> options, IGraphQLRequestExecutor executor, IServiceProvider services,
        ILogger<GraphQLSseMiddleware> logger, GraphQLMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        _next = next;
        var settings = options.Value;
        _handler = new GraphQLHttpStreamHandler(
            SseResultStreamFormat.Instance, GraphQLTransport.ServerSentEvents, settings.KeepAliveInterval, settings.SendQueueCapacity, executor, logger, metrics);
        // The streams of single connection mode are this instance's (an internal singleton of AddGraphQLServerSentEvents).
        _singleConnection = new SseSingleConnection(settings, executor, services.GetRequiredService<SseEventStreams>(), logger, metrics);
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (context.WebSockets.IsWebSocketRequest)
        {
            return _next(context);
        }

        if (SseSingleConnectionRequestMatcher.IsSingleConnectionRequest(request))
        {
            return _singleConnection.HandleAsync(context);
        }

        return ResponseMediaTypeNegotiator.AcceptsEventStream(request) ? _handler.HandleAsync(context) : _next(context);
    }
}
