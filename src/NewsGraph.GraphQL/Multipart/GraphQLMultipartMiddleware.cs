using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Diagnostics;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Http;
using NewsGraph.GraphQL.Streaming;

namespace NewsGraph.GraphQL.Multipart;

/// <summary>
/// Subscriptions over multipart HTTP, Apollo's protocol (Apollo Client's <c>HttpLink</c>, Apollo iOS, Apollo Kotlin):
/// a GET or POST whose <c>Accept</c> prefers <c>multipart/mixed;subscriptionSpec=1.0</c> gets a
/// <see cref="MultipartSubscriptionFormat"/> stream. Requests, single results and errors are handled as by every
/// streaming HTTP transport (<see cref="GraphQLHttpStreamHandler"/>): a query, a mutation or a validation error is plain
/// JSON for a client that also accepts JSON (Apollo's clients all do), so only subscriptions stream.
/// </summary>
public sealed class GraphQLMultipartMiddleware
{
    private readonly RequestDelegate _next;
    private readonly GraphQLHttpStreamHandler _handler;

    public GraphQLMultipartMiddleware(
        RequestDelegate next, IOptions<GraphQLMultipartOptions> options, IGraphQLRequestExecutor executor, ILogger<GraphQLMultipartMiddleware> logger, GraphQLMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _next = next;
        var settings = options.Value;
        _handler = new GraphQLHttpStreamHandler(
            MultipartSubscriptionFormat.Instance, GraphQLTransport.MultipartHttp, settings.HeartbeatInterval, settings.SendQueueCapacity, executor, logger, metrics);
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.WebSockets.IsWebSocketRequest || ResponseMediaTypeNegotiator.SelectStream(context.Request) != GraphQLStreamMediaType.MultipartSubscription
            ? _next(context)
            : _handler.HandleAsync(context);
    }
}
