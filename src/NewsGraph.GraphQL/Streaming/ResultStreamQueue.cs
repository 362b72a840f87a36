using System.Threading.Channels;
using GraphQL;

namespace NewsGraph.GraphQL.Streaming;

/// <summary>
/// The frames of one response stream, between the result stream (which must never wait for a slow client) and the
/// single writer of the response body (<see cref="ResultStreamWriter"/>). Bounded: when it is full the client is too
/// slow and <c>onOverflow</c> aborts the request. Also the observer of the operation's result stream.
/// </summary>
internal sealed class ResultStreamQueue : IObserver<ExecutionResult>
{
    private readonly Channel<ReadOnlyMemory<byte>> _channel;
    private readonly IResultStreamFormat _format;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly Action _onOverflow;
    private readonly int _capacity;
    private int _ended;

    public ResultStreamQueue(int capacity, IResultStreamFormat format, IGraphQLTextSerializer serializer, Action onOverflow)
    {
        // Two slots more than the capacity, so a failure and the final complete fit behind a full queue.
        _capacity = Math.Max(1, capacity);
        _channel = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(_capacity + 2) { SingleReader = true });
        _format = format;
        _serializer = serializer;
        _onOverflow = onOverflow;
    }

    public ChannelReader<ReadOnlyMemory<byte>> Reader => _channel.Reader;

    /// <summary>The stream completed, failed or overflowed: nothing more is queued.</summary>
    public bool HasEnded => Volatile.Read(ref _ended) != 0;

    public void OnNext(ExecutionResult value)
    {
        if (_channel.Reader.Count >= _capacity || !_channel.Writer.TryWrite(_format.Next(value, _serializer)))
        {
            Overflow();
        }
    }

    public void OnError(Exception error)
    {
        var executionError = error as ExecutionError ?? new ExecutionError("Response stream error.", error);
        _channel.Writer.TryWrite(_format.Failure(new ExecutionResult { Errors = [executionError] }, _serializer));
        OnCompleted();
    }

    public void OnCompleted()
    {
        Volatile.Write(ref _ended, 1);
        _channel.Writer.TryWrite(_format.Complete);
        _channel.Writer.TryComplete();
    }

    private void Overflow()
    {
        Volatile.Write(ref _ended, 1);
        _channel.Writer.TryComplete();
        _onOverflow();
    }
}
