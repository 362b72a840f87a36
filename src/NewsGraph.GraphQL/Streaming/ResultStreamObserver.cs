using GraphQL;

namespace NewsGraph.GraphQL.Streaming;

/// <summary>
/// Queues the results of a request's single result stream in the transport's format: each result, a failing stream's
/// errors, and the end (<see cref="IResultStreamFormat.Complete"/>), after which the queue completes.
/// </summary>
internal sealed class ResultStreamObserver(ResultStreamQueue queue, IResultStreamFormat format, IGraphQLTextSerializer serializer) : IObserver<ExecutionResult>
{
    /// <summary>The final frames a queue needs room for behind a full queue: a failure and the end.</summary>
    public const int FinalFrames = 2;

    public void OnNext(ExecutionResult value) => queue.TryEnqueue(format.Next(value, serializer));

    public void OnError(Exception error)
    {
        var executionError = error as ExecutionError ?? new ExecutionError("Response stream error.", error);
        queue.TryEnqueueFinal(format.Failure(new ExecutionResult { Errors = [executionError] }, serializer));
        OnCompleted();
    }

    public void OnCompleted()
    {
        queue.TryEnqueueFinal(format.Complete);
        queue.Complete();
    }
}
