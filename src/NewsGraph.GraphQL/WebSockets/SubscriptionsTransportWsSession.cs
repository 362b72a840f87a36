using System.Net.WebSockets;
using System.Text.Json;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.WebSockets;

/// <summary>
/// The legacy subscriptions-transport-ws protocol (sub-protocol <c>graphql-ws</c>): <c>connection_init</c>/
/// <c>connection_ack</c>/<c>connection_error</c>, <c>start</c>/<c>data</c>/<c>error</c>/<c>complete</c>/<c>stop</c>,
/// <c>ka</c> and <c>connection_terminate</c>. The protocol defines no close codes; graphql-ws's are used so both
/// protocols fail the same way. A <c>start</c> with an active id replaces that operation, as the legacy server did.
/// </summary>
internal sealed class SubscriptionsTransportWsSession : WebSocketSession
{
    private static readonly ReadOnlyMemory<byte> KeepAlive = WebSocketMessageWriter.Write("ka");

    public SubscriptionsTransportWsSession(HttpContext httpContext, WebSocket socket, GraphQLWebSocketOptions options, ILogger logger)
        : base(httpContext, socket, WebSocketSubProtocols.GraphQLWs, options, logger)
    {
    }

    protected override string ResultMessageType => "data";

    protected override ReadOnlyMemory<byte> KeepAliveMessage => KeepAlive;

    /// <summary>Legacy clients start their keep-alive timeout at the first <c>ka</c>, so it follows the ack at once.</summary>
    protected override bool KeepAliveRightAfterAck => true;

    protected override async Task HandleMessageAsync(WebSocketClientMessage message)
    {
        switch (message.Type)
        {
            case "connection_init":
                await InitializeAsync(message).ConfigureAwait(false);
                break;
            case "start":
                StartOperation(RequireId(message), message.Payload, replaceActive: true);
                break;
            case "stop":
                StopOperation(RequireId(message));
                break;
            case "connection_terminate":
                Close(WebSocketCloseCodes.NormalClosure, "Normal closure");
                break;
            default:
                throw new WebSocketProtocolException(WebSocketCloseCodes.BadRequest, $"Invalid message received: unexpected type '{(message.Type.Length <= 40 ? message.Type : message.Type[..40])}'");
        }
    }

    protected override void SendOperationError(StreamingOperation operation, ExecutionResult result)
    {
        // The legacy `error` carries the errors as an execution result; Apollo's client reads both shapes.
        if (Finish(operation))
        {
            Send(WebSocketMessageWriter.Write("error", operation.Id, $$"""{"errors":{{SerializeErrors(result)}}}"""));
        }
    }

    protected override void OnConnectionRejected(string reason)
        => Send(WebSocketMessageWriter.Write("connection_error", rawPayload: JsonSerializer.Serialize(new Dictionary<string, string> { ["message"] = reason })));

    private static string RequireId(WebSocketClientMessage message)
        => message.ValidId ?? throw new WebSocketProtocolException(WebSocketCloseCodes.BadRequest,
            $"Invalid message received: '{message.Type}' needs a non-empty string id");
}
