using System.Threading.Channels;
using GraphQL;

namespace NewsGraph.GraphQL.Sse;

/// <summary>
/// The events of one stream, between the event source (which must never wait for a slow client) and the single
/// writer of the response body. Bounded: when it is full the client is too slow and the request is aborted.
/// Also the observer of the operation's result stream.
/// </summary>
internal sealed class SseEventQueue : IObserver<ExecutionResult>
{
    private readonly Channel<ReadOnlyMemory<byte>> _channel;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly Action _onOverflow;
    private readonly int _capacity;

    public SseEventQueue(int capacity, IGraphQLTextSerializer serializer, Action onOverflow)
    {
        // One slot more than the capacity, so the final complete event fits behind a full queue.
        _capacity = Math.Max(1, capacity);
        _channel = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(_capacity + 1) { SingleReader = true });
        _serializer = serializer;
        _onOverflow = onOverflow;
    }

    public ChannelReader<ReadOnlyMemory<byte>> Reader => _channel.Reader;

    public void OnNext(ExecutionResult value)
    {
        if (_channel.Reader.Count >= _capacity || !_channel.Writer.TryWrite(SseEventFormatter.Next(value, _serializer)))
        {
            Overflow();
        }
    }

    /// <summary>A failing stream ends with its error as a last <c>next</c>, then <c>complete</c>.</summary>
    public void OnError(Exception error)
    {
        var executionError = error as ExecutionError ?? new ExecutionError("Response stream error.", error);
        OnNext(new ExecutionResult { Errors = [executionError] });
        OnCompleted();
    }

    public void OnCompleted()
    {
        _channel.Writer.TryWrite(SseEventFormatter.Complete);
        _channel.Writer.TryComplete();
    }

    private void Overflow()
    {
        _channel.Writer.TryComplete();
        _onOverflow();
    }
}
