using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Diagnostics;

namespace NewsGraph.GraphQL.WebSockets;

/// <summary>
/// GraphQL over WebSocket, placed after the HTTP transport in the endpoint's pipeline. The first sub-protocol the
/// client offers that the server speaks is chosen. A client offering none is accepted and then closed with 4406,
/// as the graphql-ws reference server does: a browser reports a close code and reason, but only a bare failure for
/// a refused upgrade. Other requests go to <c>next</c>.
/// </summary>
public sealed class GraphQLWebSocketMiddleware
{
    private readonly RequestDelegate _next;
    private readonly GraphQLWebSocketOptions _options;
    private readonly ILogger _logger;
    private readonly GraphQLMetrics? _metrics;

    public GraphQLWebSocketMiddleware(
        RequestDelegate next, IOptions<GraphQLWebSocketOptions> options, ILogger<GraphQLWebSocketMiddleware> logger, GraphQLMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _next = next;
        _options = options.Value;
        _logger = logger;
        _metrics = metrics;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await _next(context);
            return;
        }

        var subProtocol = context.WebSockets.WebSocketRequestedProtocols
            .FirstOrDefault(offered => _options.SubProtocols.Contains(offered, StringComparer.Ordinal));
        // When the sub-protocol's own keep-alive runs (ping/ka through one shared timer), the WebSocket-level
        // unsolicited pongs would be a second keep-alive with a timer per connection: turned off then.
        var interval = _options.KeepAliveInterval;
        var protocolKeepAlive = subProtocol is not null && interval > TimeSpan.Zero && interval != Timeout.InfiniteTimeSpan;
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = subProtocol,
            KeepAliveInterval = protocolKeepAlive ? TimeSpan.Zero : null,
        });
        using WebSocketSession? session = subProtocol switch
        {
            WebSocketSubProtocols.GraphQLTransportWs => new GraphQLTransportWsSession(context, socket, _options, _logger),
            WebSocketSubProtocols.GraphQLWs => new SubscriptionsTransportWsSession(context, socket, _options, _logger),
            _ => null,
        };

        if (session is null)
        {
            await RefuseAsync(socket, context.RequestAborted);
            return;
        }

        // Shutting down closes every connection with 1001 instead of leaving clients to time out.
        var lifetime = context.RequestServices.GetService(typeof(IHostApplicationLifetime)) as IHostApplicationLifetime;
        _metrics?.ConnectionOpened(GraphQLTransport.WebSocket);
        try
        {
            await session.RunAsync(lifetime?.ApplicationStopping ?? CancellationToken.None);
        }
        finally
        {
            _metrics?.ConnectionClosed(GraphQLTransport.WebSocket);
        }
    }

    private async Task RefuseAsync(System.Net.WebSockets.WebSocket socket, CancellationToken aborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(_options.CloseTimeout);
        try
        {
            await socket.CloseAsync((System.Net.WebSockets.WebSocketCloseStatus)WebSocketCloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable", timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            WebSocketLog.ConnectionLost(_logger, ex);
        }
    }
}
