using System.Threading.Channels;

namespace NewsGraph.GraphQL.Streaming;

/// <summary>
/// The frames of one response stream, between the result streams (which must never wait for a slow client) and the
/// single writer of the response body (<see cref="ResultStreamWriter"/>). Bounded: when it is full the client is too
/// slow and <c>onOverflow</c> aborts the stream, once. Final frames (a failure, a <c>complete</c>) have room of their
/// own behind a full queue: <c>finalFrames</c> of them, one per operation that may end on the stream.
/// </summary>
internal sealed class ResultStreamQueue
{
    private readonly Channel<ReadOnlyMemory<byte>> _channel;
    private readonly Action _onOverflow;
    private readonly int _capacity;
    private int _ended;
    private int _overflowed;

    public ResultStreamQueue(int capacity, int finalFrames, Action onOverflow)
    {
        _capacity = Math.Max(1, capacity);
        _channel = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(_capacity + Math.Max(1, finalFrames)) { SingleReader = true });
        _onOverflow = onOverflow;
    }

    public ChannelReader<ReadOnlyMemory<byte>> Reader => _channel.Reader;

    /// <summary>The stream completed or overflowed: nothing more is queued.</summary>
    public bool HasEnded => Volatile.Read(ref _ended) != 0;

    /// <summary>
    /// Queues a frame; a full queue aborts the stream (false). Several operations may write at once: the count is
    /// checked before the write, so the queue may exceed its capacity by the writers racing, never its bound.
    /// </summary>
    public bool TryEnqueue(ReadOnlyMemory<byte> frame) => TryWrite(frame, _channel.Reader.Count < _capacity);

    /// <summary>Queues a final frame of an operation, into the room kept for it.</summary>
    public bool TryEnqueueFinal(ReadOnlyMemory<byte> frame) => TryWrite(frame, hasRoom: true);

    /// <summary>No more frames: the writer ends after what is queued.</summary>
    public void Complete()
    {
        Volatile.Write(ref _ended, 1);
        _channel.Writer.TryComplete();
    }

    private bool TryWrite(ReadOnlyMemory<byte> frame, bool hasRoom)
    {
        if (hasRoom && _channel.Writer.TryWrite(frame))
        {
            return true;
        }

        // Completed (the stream ended) or full; only a full queue is the client's fault, and only once.
        if (HasEnded || Interlocked.Exchange(ref _overflowed, 1) != 0)
        {
            return false;
        }

        Complete();
        _onOverflow();
        return false;
    }
}
