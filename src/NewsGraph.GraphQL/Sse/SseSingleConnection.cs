using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using NewsGraph.GraphQL.Diagnostics;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Http;
using NewsGraph.GraphQL.Http.Batching;
using NewsGraph.GraphQL.Streaming;
using NewsGraph.GraphQL.WebSockets;

namespace NewsGraph.GraphQL.Sse;

/// <summary>
/// graphql-sse's "single connection mode" (PROTOCOL.md; status codes as its reference server's handler):
/// <list type="bullet">
/// <item><c>PUT</c> reserves a stream: 201 with its token as <c>text/plain</c>.</item>
/// <item><c>GET</c> (or <c>POST</c>) with the token and <c>Accept: text/event-stream</c> opens its event stream, once
/// (409 for a second one).</item>
/// <item><c>POST</c> (or <c>GET</c>) with the token and a GraphQL request whose <c>extensions.operationId</c> names the
/// operation starts it: 202, its results come on the event stream as <c>next</c> <c>{"id","payload"}</c> and a
/// <c>complete</c> <c>{"id"}</c>. GraphQL errors before execution are such a <c>next</c>, as in distinct connections mode.</item>
/// <item><c>DELETE ?operationId=</c> with the token stops an operation: 200 (also when it already ended).</item>
/// </list>
/// An unknown token is 404, a token reserved by another principal 403 (<see cref="SseStreamOwner"/>). Operations run
/// with the caller's user, each in its own DI scope, through the same executor (limits, cost, persisted operations)
/// as every transport.
/// </summary>
internal sealed class SseSingleConnection(
    GraphQLSseOptions options, IGraphQLRequestExecutor executor, SseEventStreams streams, ILogger logger, GraphQLMetrics? metrics)
{
    /// <summary>The operation id is the client's; long enough for any UUID or counter, short enough to repeat in every event.</summary>
    public const int MaxOperationIdLength = 128;

    private static readonly IReadOnlyList<IValidationRule> GetRules = [HttpStreamOperationTypeValidationRule.Get];

    /// <summary>Handles a request of this mode (<see cref="SseSingleConnectionRequestMatcher"/>), as every streaming transport handles failures.</summary>
    public Task HandleAsync(HttpContext context) => GraphQLHttpStreamHandler.RunAsync(context, logger, HandleRequestAsync);

    private async Task HandleRequestAsync(HttpContext context, CancellationToken aborted)
    {
        var request = context.Request;
        var method = request.Method;
        if (HttpMethods.IsPut(method))
        {
            await ReserveAsync(context, aborted);
            return;
        }

        var isGet = HttpMethods.IsGet(method);
        var isPost = HttpMethods.IsPost(method);
        var isDelete = HttpMethods.IsDelete(method);
        if (!isGet && !isPost && !isDelete)
        {
            await WriteErrorAsync(context, new GraphQLHttpRequestError(
                "HTTP_METHOD_NOT_ALLOWED", $"HTTP method '{method}' is not supported on an event stream token; use GET, POST, PUT or DELETE.",
                StatusCodes.Status405MethodNotAllowed)
            { Allow = "GET, POST, PUT, DELETE" }, aborted);
            return;
        }

        if (SseStreamToken.Read(request) is not { } token || streams.Find(token) is not { } stream)
        {
            await WriteErrorAsync(context, new GraphQLHttpRequestError(
                SseErrorCodes.StreamNotFound, "No event stream has this token: reserve one with PUT (a token is valid until its event stream ends, or for a while if it is never opened).",
                StatusCodes.Status404NotFound), aborted);
            return;
        }

        if (!string.Equals(stream.Owner, SseStreamOwner.Of(context.User), StringComparison.Ordinal))
        {
            await WriteErrorAsync(context, new GraphQLHttpRequestError(
                SseErrorCodes.StreamForbidden, "The event stream was reserved by another user: requests on its token must be authenticated as the user who reserved it.",
                StatusCodes.Status403Forbidden), aborted);
            return;
        }

        if (isDelete)
        {
            await StopAsync(context, stream, aborted);
        }
        else if (ResponseMediaTypeNegotiator.AcceptsEventStream(request) && (isGet || ResponseMediaTypeNegotiator.SelectJson(request) is null))
        {
            await OpenAsync(context, stream, aborted);
        }
        else
        {
            await StartOperationAsync(context, stream, isGet, aborted);
        }
    }

    private async Task ReserveAsync(HttpContext context, CancellationToken aborted)
    {
        if (!AcceptsPlainText(context.Request))
        {
            await WriteErrorAsync(context, new GraphQLHttpRequestError(
                SseErrorCodes.NotAcceptable, "A reservation answers with its token as text/plain; accept it (or */*).", StatusCodes.Status406NotAcceptable), aborted);
            return;
        }

        // A token the client still sends (graphql-sse's client keeps its last one in its headers) is ignored: every
        // reservation gets a fresh token from the server, never one a client chose.
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        if (streams.Reserve(SseStreamOwner.Of(context.User), serializer) is not { } stream)
        {
            await WriteErrorAsync(context, new GraphQLHttpRequestError(
                SseErrorCodes.ReservationRefused, "The server cannot reserve another event stream now; try again later, or use distinct connections mode.",
                StatusCodes.Status503ServiceUnavailable), aborted);
            return;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status201Created;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync(stream.Token, aborted);
    }

    private async Task OpenAsync(HttpContext context, SseEventStream stream, CancellationToken aborted)
    {
        switch (stream.TryOpen(context))
        {
            case SseStreamOpening.AlreadyOpen:
                await WriteErrorAsync(context, new GraphQLHttpRequestError(
                    SseErrorCodes.StreamAlreadyOpen, "The event stream of this token is already open; a token has one.", StatusCodes.Status409Conflict), aborted);
                return;
            case SseStreamOpening.Closed:
                await WriteErrorAsync(context, new GraphQLHttpRequestError(
                    SseErrorCodes.StreamNotFound, "The event stream of this token has ended; reserve another with PUT.", StatusCodes.Status404NotFound), aborted);
                return;
        }

        metrics?.ConnectionOpened(GraphQLTransport.ServerSentEvents);
        try
        {
            await ResultStreamWriter.StartAsync(context, SseResultStreamFormat.Instance, aborted);
            await ResultStreamWriter.WriteAsync(context, stream.Queue, SseResultStreamFormat.Instance, options.KeepAliveInterval);
        }
        finally
        {
            // However the event stream ends (the client went, the server stops, too slow), its operations end with it
            // and the token is forgotten.
            stream.Close();
            metrics?.ConnectionClosed(GraphQLTransport.ServerSentEvents);
        }
    }

    private async Task StartOperationAsync(HttpContext context, SseEventStream stream, bool isGet, CancellationToken aborted)
    {
        var request = context.Request;
        if (ResponseMediaTypeNegotiator.SelectJson(request) is null)
        {
            await WriteErrorAsync(context, new GraphQLHttpRequestError(
                SseErrorCodes.NotAcceptable, "Starting an operation answers 202 or a JSON error; accept application/json (or */*), or text/event-stream alone to open the stream.",
                StatusCodes.Status406NotAcceptable), aborted);
            return;
        }

        var services = context.RequestServices;
        // One operation per request, since each needs its own id on the stream; a batch is plain HTTP's, without a token.
        if (!isGet && await GraphQLBatchParser.StartsWithArrayAsync(request.BodyReader, aborted))
        {
            await WriteErrorAsync(context, new GraphQLHttpRequestError(
                SseErrorCodes.BatchNotSupported,
                "An operation on an event stream is one GraphQL request (a JSON object) with 'extensions.operationId'; send a batch (a JSON array) without the event stream token."),
                aborted);
            return;
        }

        var parsed = isGet
            ? GraphQLHttpRequestParser.ParseGet(request, services.GetRequiredService<IGraphQLTextSerializer>())
            : await GraphQLHttpRequestParser.ParsePostAsync(request, services.GetRequiredService<IGraphQLSerializer>(), aborted);
        if (parsed.Error is { } requestError)
        {
            await WriteErrorAsync(context, requestError, aborted);
            return;
        }

        var graphQLRequest = parsed.Request!;
        if (OperationIdOf(graphQLRequest) is not { } operationId)
        {
            await WriteErrorAsync(context, new GraphQLHttpRequestError(
                SseErrorCodes.OperationIdMissing,
                $"An operation on an event stream needs 'extensions.operationId': a non-empty string of at most {MaxOperationIdLength} characters, unique among the stream's running operations."),
                aborted);
            return;
        }

        var operation = new StreamingOperation(operationId);
        switch (stream.TryAdd(operation))
        {
            case StreamingOperationAdmission.IdInUse:
                await WriteErrorAsync(context, new GraphQLHttpRequestError(
                    SseErrorCodes.OperationIdInUse, $"The event stream already runs an operation with the id '{operationId}'.", StatusCodes.Status409Conflict), aborted);
                return;
            case StreamingOperationAdmission.Closed:
                await WriteErrorAsync(context, new GraphQLHttpRequestError(
                    SseErrorCodes.StreamNotFound, "The event stream of this token has ended; reserve another with PUT.", StatusCodes.Status404NotFound), aborted);
                return;
            case StreamingOperationAdmission.TooMany:
                // As over WebSocket: refused for its id alone, as a GraphQL error the client's subscriber sees.
                SseSingleConnectionLog.OperationRefused(logger, operationId, stream.MaxOperations);
                stream.Refuse(operationId, new ExecutionResult { Errors = [new MaxOperationsPerConnectionError(stream.MaxOperations)] });
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                return;
        }

        // A client that gives up before the answer will not stop the operation with DELETE (it never learnt it started).
        var executing = aborted.Register(() => stream.Finish(operation));
        try
        {
            var started = await ExecuteAsync(context, stream, operation, graphQLRequest, isGet);
            // 204 as graphql-sse's server: the operation was stopped before it started, nothing comes on the stream.
            context.Response.StatusCode = started ? StatusCodes.Status202Accepted : StatusCodes.Status204NoContent;
        }
        finally
        {
            await executing.DisposeAsync();
        }
    }

    /// <summary>Executes the operation and hands its results to the stream; false when it ended before it could start.</summary>
    private async Task<bool> ExecuteAsync(HttpContext context, SseEventStream stream, StreamingOperation operation, GraphQLRequest request, bool isGet)
    {
        try
        {
            var executionContext = new GraphQLRequestContext
            {
                // Its own scope: the operation outlives this request.
                RequestServices = operation.CreateScope(context.RequestServices.GetRequiredService<IServiceScopeFactory>()),
                User = context.User,
                RequestId = $"{context.TraceIdentifier}:{operation.Id}",
                AdditionalValidationRules = isGet ? GetRules : [],
                CostMode = GraphQLCostHeader.Read(context.Request),
            };
            var result = await executor.ExecuteAsync(request, executionContext, operation.Token);
            if (operation.HasEnded)
            {
                return false;
            }

            if (result.Streams is { Count: > 0 } resultStreams)
            {
                // Subscriptions have a single root field, hence a single stream.
                var subscription = resultStreams.Values.First().Subscribe(new SseOperationObserver(stream, operation));
                return operation.TryAttach(CountedSubscription.Track(subscription, metrics, GraphQLTransport.ServerSentEvents));
            }

            // A query, a mutation, or GraphQL errors before execution: one next, then complete.
            stream.SendResult(operation, result);
            stream.SendComplete(operation);
            return true;
        }
        catch (OperationCanceledException) when (operation.Token.IsCancellationRequested)
        {
            // Stopped by the client, or the stream ended, while executing: nothing more to send.
            return false;
        }
        catch
        {
            stream.Finish(operation);
            throw;
        }
    }

    private static async Task StopAsync(HttpContext context, SseEventStream stream, CancellationToken aborted)
    {
        var operationId = context.Request.Query["operationId"].ToString();
        if (operationId.Length == 0)
        {
            await WriteErrorAsync(context, new GraphQLHttpRequestError(
                SseErrorCodes.OperationIdMissing, "Stopping an operation needs the 'operationId' query parameter."), aborted);
            return;
        }

        // An operation that already ended (completed as the client stopped it) is no error, as in graphql-sse's server.
        stream.Stop(operationId);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static string? OperationIdOf(GraphQLRequest request)
        => request.Extensions is { } extensions && extensions.TryGetValue("operationId", out var value)
            && value is string { Length: > 0 and <= MaxOperationIdLength } id
            ? id
            : null;

    private static bool AcceptsPlainText(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(accept))
        {
            return true;
        }

        return MediaTypeHeaderValue.TryParseList(accept, out var entries)
            && entries.Any(e => e.Quality is not 0
                && (e.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
                    || e.MediaType.Equals("text/*", StringComparison.OrdinalIgnoreCase)
                    || e.MediaType.Equals("*/*", StringComparison.OrdinalIgnoreCase)));
    }

    private static Task WriteErrorAsync(HttpContext context, GraphQLHttpRequestError error, CancellationToken aborted)
        => GraphQLHttpResponseWriter.WriteRequestErrorAsync(
            context, context.RequestServices.GetRequiredService<IGraphQLSerializer>(), error, GraphQLResponseMediaType.Json, aborted);
}
