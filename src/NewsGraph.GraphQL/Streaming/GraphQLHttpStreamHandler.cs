using GraphQL;
using GraphQL.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Diagnostics;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Http;
using NewsGraph.GraphQL.Http.Batching;

namespace NewsGraph.GraphQL.Streaming;

/// <summary>
/// What the streaming HTTP transports (server-sent events, multipart subscriptions) share: a GET or POST is parsed and
/// executed as over plain HTTP, and its results are streamed in the transport's <see cref="IResultStreamFormat"/>.
/// A malformed HTTP request (method, content type, JSON) is answered as over plain HTTP, with a 4xx JSON error, since
/// no GraphQL request exists yet. A single result (a query, a mutation, GraphQL errors before execution) is answered as
/// JSON, in the JSON type the client prefers, when its <c>Accept</c> lists one besides the stream (urql's and Apollo's
/// clients do); a client that accepts nothing but the stream gets it as one result and the end of the stream.
/// A subscription streams until it completes, the client goes away (which ends it), the client reads too slowly for
/// the send queue (the request is aborted), or the server stops (the format's <see cref="IResultStreamFormat.ServerStopping"/>).
/// </summary>
internal sealed class GraphQLHttpStreamHandler(
    IResultStreamFormat format,
    GraphQLTransport transport,
    TimeSpan keepAliveInterval,
    int sendQueueCapacity,
    IGraphQLRequestExecutor executor,
    ILogger logger,
    GraphQLMetrics? metrics)
{
    private static readonly IReadOnlyList<IValidationRule> GetRules = [HttpStreamOperationTypeValidationRule.Get];

    public async Task HandleAsync(HttpContext context)
    {
        metrics?.ConnectionOpened(transport);
        try
        {
            await RunAsync(context, logger, ExecuteAndStreamAsync);
        }
        finally
        {
            metrics?.ConnectionClosed(transport);
        }
    }

    /// <summary>
    /// Runs a streaming transport's handling of a request: a client that goes away ends it quietly (that is how a
    /// subscription ends over these transports), anything else unexpected is logged and, while nothing was sent, a 500.
    /// </summary>
    public static async Task RunAsync(HttpContext context, ILogger logger, Func<HttpContext, CancellationToken, Task> handle)
    {
        var aborted = context.RequestAborted;
        try
        {
            await handle(context, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client closed the stream or went away: nothing to answer and nothing wrong with the server.
        }
        catch (Exception ex)
        {
            HttpStreamLog.UnhandledException(logger, ex);
            if (!context.Response.HasStarted)
            {
                await GraphQLHttpResponseWriter.WriteInternalServerErrorAsync(context, GraphQLResponseMediaType.Json, aborted);
            }
        }
    }

    private async Task ExecuteAndStreamAsync(HttpContext context, CancellationToken aborted)
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
            : await GraphQLHttpRequestParser.ParsePostAsync(request, serializer, services.GetService<IOptions<GraphQLHttpOptions>>()?.Value, aborted);
        if (parsed.Error is { } requestError)
        {
            await GraphQLHttpResponseWriter.WriteRequestErrorAsync(context, serializer, requestError, ResponseMediaTypeNegotiator.Select(request), aborted);
            return;
        }

        if (parsed.Batch is { } batch)
        {
            // A batch is answered as a JSON array (what batching clients read), to a client that also accepts JSON.
            if (ResponseMediaTypeNegotiator.SelectJson(request) is { } batchJson)
            {
                await GraphQLBatchExecutor.RespondAsync(context, batch, executor, serializer, batchJson, aborted);
            }
            else
            {
                await GraphQLHttpResponseWriter.WriteRequestErrorAsync(context, serializer, GraphQLBatchErrors.StreamNotSupported(), GraphQLResponseMediaType.Json, aborted);
            }

            return;
        }

        var executionContext = GraphQLRequestContext.FromHttpContext(context, isGet ? GetRules : null);
        var result = await executor.ExecuteAsync(parsed.Request!, executionContext, aborted);

        // A single result goes to a client that also accepts JSON as JSON, in the type it prefers, as Hot Chocolate
        // answers: urql's default fetch lists the stream types among its Accept types on every request and cannot take a
        // one-result stream for a plain query; Apollo's clients expect a subscription's validation errors as JSON.
        if (result.Streams is not { Count: > 0 } && ResponseMediaTypeNegotiator.SelectJson(request) is { } json)
        {
            var statusCode = GraphQLHttpStatusCodeSelector.Select(result, json, out var allowHeader);
            await GraphQLHttpResponseWriter.WriteResultAsync(context, serializer, result, json, statusCode, allowHeader, aborted);
            return;
        }

        if (result.Streams is not { Count: > 0 } streams)
        {
            // A query, a mutation, or errors before execution: one result, then the end.
            ResultStreamWriter.SetHeaders(context, format);
            var body = context.Response.Body;
            await body.WriteAsync(format.Start, aborted);
            await body.WriteAsync(format.Next(result, textSerializer), aborted);
            await body.WriteAsync(format.Complete, aborted);
            await body.FlushAsync(aborted);
            return;
        }

        await ResultStreamWriter.StartAsync(context, format, aborted);
        var queue = new ResultStreamQueue(sendQueueCapacity, ResultStreamObserver.FinalFrames, () =>
        {
            HttpStreamLog.SendQueueFull(logger, transport, sendQueueCapacity);
            context.Abort();
        });
        // Subscriptions have a single root field, hence a single stream; disposing it unsubscribes.
        var observer = new ResultStreamObserver(queue, format, textSerializer);
        using var subscription = CountedSubscription.Track(streams.Values.First().Subscribe(observer), metrics, transport);
        await ResultStreamWriter.WriteAsync(context, queue, format, keepAliveInterval);
    }
}
