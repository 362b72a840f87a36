using GraphQL;
using GraphQL.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Diagnostics;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Http;

namespace NewsGraph.GraphQL.Sse;

/// <summary>
/// GraphQL over server-sent events, graphql-sse's "distinct connections" mode: a GET or POST with
/// <c>Accept: text/event-stream</c> gets <c>next</c> events and a final <c>complete</c>; the client ends a subscription
/// by closing the connection. A malformed HTTP request (method, content type, JSON) is answered as over plain HTTP,
/// with a 4xx JSON error, since no GraphQL request exists yet. A single result (a query, a mutation, GraphQL errors
/// before execution) is answered as JSON, in the JSON type the client prefers, when its <c>Accept</c> lists one besides
/// the event stream (urql's default); only a client that accepts nothing but the event stream gets it as a <c>next</c>
/// event and <c>complete</c>, as graphql-sse's PROTOCOL.md describes.
/// When the server shuts down, a subscription's stream ends after the events already queued, without <c>complete</c>:
/// that event tells a client the subscription is over, while a stream that just ends is one it opens again (to
/// another instance; graphql-sse's client retries it, a browser's EventSource reconnects).
/// </summary>
public sealed class GraphQLSseMiddleware
{
    private static readonly IReadOnlyList<IValidationRule> GetRules = [SseOperationTypeValidationRule.Get];

    private readonly RequestDelegate _next;
    private readonly GraphQLSseOptions _options;
    private readonly IGraphQLRequestExecutor _executor;
    private readonly ILogger _logger;
    private readonly GraphQLMetrics? _metrics;

    public GraphQLSseMiddleware(
        RequestDelegate next, IOptions<GraphQLSseOptions> options, IGraphQLRequestExecutor executor, ILogger<GraphQLSseMiddleware> logger, GraphQLMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _next = next;
        _options = options.Value;
        _executor = executor;
        _logger = logger;
        _metrics = metrics;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.WebSockets.IsWebSocketRequest || !ResponseMediaTypeNegotiator.AcceptsEventStream(context.Request))
        {
            await _next(context);
            return;
        }

        var aborted = context.RequestAborted;
        _metrics?.ConnectionOpened(GraphQLTransport.ServerSentEvents);
        try
        {
            await HandleAsync(context, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client closed the stream: that is how a subscription ends in this mode.
        }
        catch (Exception ex)
        {
            SseLog.UnhandledException(_logger, ex);
            if (!context.Response.HasStarted)
            {
                await GraphQLHttpResponseWriter.WriteInternalServerErrorAsync(context, GraphQLResponseMediaType.Json, aborted);
            }
        }
        finally
        {
            _metrics?.ConnectionClosed(GraphQLTransport.ServerSentEvents);
        }
    }

    private async Task HandleAsync(HttpContext context, CancellationToken aborted)
    {
        var request = context.Request;
        var services = context.RequestServices;
        var serializer = services.GetRequiredService<IGraphQLSerializer>();
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            var error = new GraphQLHttpRequestError(
                "HTTP_METHOD_NOT_ALLOWED", $"HTTP method '{request.Method}' is not supported; use GET or POST.", StatusCodes.Status405MethodNotAllowed)
            {
                Allow = "GET, POST",
            };
            await GraphQLHttpResponseWriter.WriteRequestErrorAsync(context, serializer, error, GraphQLResponseMediaType.Json, aborted);
            return;
        }

        var textSerializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var parsed = isGet
            ? GraphQLHttpRequestParser.ParseGet(request, textSerializer)
            : await GraphQLHttpRequestParser.ParsePostAsync(request, serializer, aborted);
        if (parsed.Error is { } requestError)
        {
            await GraphQLHttpResponseWriter.WriteRequestErrorAsync(context, serializer, requestError, ResponseMediaTypeNegotiator.Select(request), aborted);
            return;
        }

        var executionContext = GraphQLRequestContext.FromHttpContext(context, isGet ? GetRules : null);
        var result = await _executor.ExecuteAsync(parsed.Request!, executionContext, aborted);

        // A single result (a query, a mutation, errors before execution) goes to a client that also accepts JSON as JSON,
        // in the type it prefers, as Hot Chocolate answers: urql's default fetch sends text/event-stream among its Accept
        // types on every request and cannot take a one-event stream for a plain query. The stream is for subscriptions
        // and for clients that accept nothing else.
        if (result.Streams is not { Count: > 0 } && ResponseMediaTypeNegotiator.SelectJson(request) is { } json)
        {
            var statusCode = GraphQLHttpStatusCodeSelector.Select(result, json, out var allowHeader);
            await GraphQLHttpResponseWriter.WriteResultAsync(context, serializer, result, json, statusCode, allowHeader, aborted);
            return;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GraphQLHttpMediaTypes.EventStream;
        response.Headers.CacheControl = "no-cache";
        // Tells nginx-style proxies not to buffer the stream.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        if (result.Streams is not { Count: > 0 } streams)
        {
            // A query, a mutation, or errors before execution: one next, then complete.
            await response.Body.WriteAsync(SseEventFormatter.Next(textSerializer.Serialize(result)), aborted);
            await response.Body.WriteAsync(SseEventFormatter.Complete, aborted);
            await response.Body.FlushAsync(aborted);
            return;
        }

        await response.StartAsync(aborted);
        await response.Body.FlushAsync(aborted);
        var queue = new SseEventQueue(_options.SendQueueCapacity, textSerializer, () =>
        {
            SseLog.SendQueueFull(_logger, _options.SendQueueCapacity);
            context.Abort();
        });
        // Subscriptions have a single root field, hence a single stream; disposing it unsubscribes.
        using var subscription = CountedSubscription.Track(streams.Values.First().Subscribe(queue), _metrics, GraphQLTransport.ServerSentEvents);
        var stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        await WriteEventsAsync(response.Body, queue, aborted, stopping);
    }

    /// <summary>
    /// The single writer of the response: events as they come, a keep-alive comment when idle; returns when the stream
    /// completes or the server is stopping (after writing what is already queued).
    /// </summary>
    private async Task WriteEventsAsync(Stream body, SseEventQueue queue, CancellationToken aborted, CancellationToken stopping)
    {
        var interval = _options.KeepAliveInterval;
        var keepAlive = interval > TimeSpan.Zero && interval != Timeout.InfiniteTimeSpan;
        var reader = queue.Reader;
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        // One pending wait at a time, kept across keep-alives.
        Task<bool>? ready = null;
        while (true)
        {
            ready ??= reader.WaitToReadAsync(waiting.Token).AsTask();
            if (keepAlive && !ready.IsCompleted)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                var first = await Task.WhenAny(ready, Task.Delay(interval, idle.Token));
                await idle.CancelAsync();
                if (first != ready)
                {
                    await body.WriteAsync(SseEventFormatter.KeepAlive, aborted);
                    await body.FlushAsync(aborted);
                    continue;
                }
            }

            bool more;
            try
            {
                more = await ready;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested && !aborted.IsCancellationRequested)
            {
                more = false;
            }

            ready = null;
            if (!more)
            {
                // Completed, or stopping: what is queued still goes out (nothing once the stream has completed).
                while (reader.TryRead(out var message))
                {
                    await body.WriteAsync(message, aborted);
                }

                await body.FlushAsync(aborted);
                return;
            }

            while (reader.TryRead(out var message))
            {
                await body.WriteAsync(message, aborted);
            }

            await body.FlushAsync(aborted);
        }
    }
}
