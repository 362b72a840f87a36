using GraphQL;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.Sse;

/// <summary>Forwards an operation's event stream to its single-connection stream: each result as a <c>next</c>, then <c>complete</c>.</summary>
internal sealed class SseOperationObserver(SseEventStream stream, StreamingOperation operation) : IObserver<ExecutionResult>
{
    public void OnNext(ExecutionResult value) => stream.SendResult(operation, value);

    /// <summary>A failing stream ends with its error as a last <c>next</c>, then <c>complete</c> (as in distinct connections mode).</summary>
    public void OnError(Exception error)
    {
        var executionError = error as ExecutionError ?? new ExecutionError("Response stream error.", error);
        stream.SendResult(operation, new ExecutionResult { Errors = [executionError] });
        stream.SendComplete(operation);
    }

    public void OnCompleted() => stream.SendComplete(operation);
}
