using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP (GET and POST, JSON) following the GraphQL-over-HTTP spec and Hot Chocolate's status
/// codes. WebSocket upgrades and requests for a streamed response (an event stream, multipart subscriptions) go to
/// <c>next</c>, so a streaming transport can be placed after this middleware in the same endpoint pipeline.
/// </summary>
public sealed class GraphQLHttpMiddleware
{
    private static readonly IReadOnlyList<global::GraphQL.Validation.IValidationRule> GetRules = [HttpOperationTypeValidationRule.Get];
    private static readonly IReadOnlyList<global::GraphQL.Validation.IValidationRule> PostRules = [HttpOperationTypeValidationRule.Post];

    private readonly RequestDelegate _next;
    private readonly GraphQLHttpOptions _options;
    private readonly IGraphQLRequestExecutor _executor;
    private readonly ILogger _logger;
    private readonly IGraphQLStreamingRequestMatcher[] _streamingRequests;

    public GraphQLHttpMiddleware(
        RequestDelegate next, IOptions<GraphQLHttpOptions> options, IGraphQLRequestExecutor executor, ILogger<GraphQLHttpMiddleware> logger,
        IEnumerable<IGraphQLStreamingRequestMatcher> streamingRequests)
    {
        ArgumentNullException.ThrowIfNull(options);
        _next = next;
        _options = options.Value;
        _executor = executor;
        _logger = logger;
        _streamingRequests = [.. streamingRequests];
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_options.PassStreamingRequestsToNext
            && (context.WebSockets.IsWebSocketRequest || ResponseMediaTypeNegotiator.SelectStream(context.Request) is not null
                || Array.Exists(_streamingRequests, m => m.IsStreamingRequest(context.Request))))
        {
            // Returned, not awaited: a streaming connection may live for hours and need not keep a frame of this one.
            return _next(context);
        }

        return HandleRequestAsync(context);
    }

    private async Task HandleRequestAsync(HttpContext context)
    {
        var request = context.Request;
        var mediaType = ResponseMediaTypeNegotiator.Select(request);
        var cancellationToken = context.RequestAborted;
        try
        {
            await HandleAsync(context, mediaType, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away: nothing to answer and nothing wrong with the server.
            GraphQLHttpLog.RequestAborted(_logger, request.Method, request.Path);
        }
        catch (Exception ex)
        {
            GraphQLHttpLog.UnhandledException(_logger, ex, request.Method, request.Path);
            if (!context.Response.HasStarted)
            {
                await GraphQLHttpResponseWriter.WriteInternalServerErrorAsync(context, mediaType, cancellationToken);
            }
        }
    }

    private async Task HandleAsync(HttpContext context, GraphQLResponseMediaType mediaType, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var services = context.RequestServices;
        var serializer = services.GetRequiredService<IGraphQLSerializer>();
        var isGet = HttpMethods.IsGet(request.Method);
        var isPost = HttpMethods.IsPost(request.Method);

        if (!isPost && !(isGet && _options.EnableGetRequests))
        {
            var allow = _options.EnableGetRequests ? "GET, POST" : "POST";
            var error = new GraphQLHttpRequestError(
                "HTTP_METHOD_NOT_ALLOWED",
                $"HTTP method '{request.Method}' is not supported; use {(_options.EnableGetRequests ? "GET or POST" : "POST")}.",
                StatusCodes.Status405MethodNotAllowed)
            { Allow = allow };
            await GraphQLHttpResponseWriter.WriteRequestErrorAsync(context, serializer, error, mediaType, cancellationToken);
            return;
        }

        if (isGet && _options.EnableSchemaRequests && GraphQLSchemaFileWriter.IsSchemaRequest(request))
        {
            await GraphQLSchemaFileWriter.WriteAsync(context, cancellationToken);
            return;
        }

        var parsed = isGet
            ? GraphQLHttpRequestParser.ParseGet(request, services.GetRequiredService<IGraphQLTextSerializer>())
            : await GraphQLHttpRequestParser.ParsePostAsync(request, serializer, _options, cancellationToken);
        if (parsed.Error is { } requestError)
        {
            await GraphQLHttpResponseWriter.WriteRequestErrorAsync(context, serializer, requestError, mediaType, cancellationToken);
            return;
        }

        if (parsed.Batch is { } batch)
        {
            await Batching.GraphQLBatchExecutor.RespondAsync(context, batch, _executor, serializer, mediaType, cancellationToken);
            return;
        }

        var executionContext = GraphQLRequestContext.FromHttpContext(context, isGet ? GetRules : PostRules);
        var result = await _executor.ExecuteAsync(parsed.Request!, executionContext, cancellationToken);
        var statusCode = GraphQLHttpStatusCodeSelector.Select(result, mediaType, out var allowHeader);
        await GraphQLHttpResponseWriter.WriteResultAsync(context, serializer, result, mediaType, statusCode, allowHeader, cancellationToken);
    }
}
