using GraphQL;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.WebSockets;

/// <summary>Forwards an operation's event stream to its connection: each result as a message, then complete or error.</summary>
internal sealed class WebSocketOperationObserver(WebSocketSession session, StreamingOperation operation) : IObserver<ExecutionResult>
{
    public void OnNext(ExecutionResult value) => session.SendResult(operation, value);

    public void OnError(Exception error) => session.SendStreamError(operation, error);

    public void OnCompleted() => session.SendComplete(operation);
}
