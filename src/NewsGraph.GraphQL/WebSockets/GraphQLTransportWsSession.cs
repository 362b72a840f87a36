using System.Net.WebSockets;
using System.Text.Json;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.WebSockets;

/// <summary>
/// The graphql-transport-ws protocol (graphql-ws): <c>connection_init</c>/<c>connection_ack</c>, <c>ping</c>/<c>pong</c>,
/// <c>subscribe</c>/<c>next</c>/<c>error</c>/<c>complete</c>. The server's keep-alive is a <c>ping</c>, as Hot Chocolate's.
/// </summary>
internal sealed class GraphQLTransportWsSession : WebSocketSession
{
    private static readonly ReadOnlyMemory<byte> Ping = WebSocketMessageWriter.Write("ping");

    public GraphQLTransportWsSession(HttpContext httpContext, WebSocket socket, GraphQLWebSocketOptions options, ILogger logger)
        : base(httpContext, socket, WebSocketSubProtocols.GraphQLTransportWs, options, logger)
    {
    }

    protected override string ResultMessageType => "next";

    protected override ReadOnlyMemory<byte> KeepAliveMessage => Ping;

    protected override async Task HandleMessageAsync(WebSocketClientMessage message)
    {
        switch (message.Type)
        {
            case "connection_init":
                await InitializeAsync(message).ConfigureAwait(false);
                break;
            case "ping":
                RequireOptionalObjectPayload(message);
                // Allowed before init; the reference server echoes the payload.
                Send(WebSocketMessageWriter.Write("pong", rawPayload: message.Payload is { ValueKind: JsonValueKind.Object } payload ? payload.GetRawText() : null));
                break;
            case "pong":
                // An answer to our keep-alive ping, or a client's one-way heartbeat: nothing to do.
                RequireOptionalObjectPayload(message);
                break;
            case "subscribe":
                StartOperation(RequireId(message), message.Payload, replaceActive: false);
                break;
            case "complete":
                StopOperation(RequireId(message));
                break;
            default:
                throw new WebSocketProtocolException(WebSocketCloseCodes.BadRequest, $"Invalid message received: unexpected type '{Shorten(message.Type)}'");
        }
    }

    protected override void SendOperationError(StreamingOperation operation, ExecutionResult result)
    {
        // Finish first: the error message ends the operation and no complete may follow.
        if (Finish(operation))
        {
            Send(WebSocketMessageWriter.Write("error", operation.Id, SerializeErrors(result)));
        }
    }

    private static string RequireId(WebSocketClientMessage message)
        => message.ValidId ?? throw new WebSocketProtocolException(WebSocketCloseCodes.BadRequest,
            $"Invalid message received: '{message.Type}' needs a non-empty string id");

    private static void RequireOptionalObjectPayload(WebSocketClientMessage message)
    {
        if (!message.HasOptionalObjectPayload)
        {
            throw new WebSocketProtocolException(WebSocketCloseCodes.BadRequest, $"Invalid message received: the '{message.Type}' payload must be an object");
        }
    }

    /// <summary>The type goes into the close reason, which is limited to 123 bytes.</summary>
    private static string Shorten(string type) => type.Length <= 40 ? type : type[..40] + "…";
}
