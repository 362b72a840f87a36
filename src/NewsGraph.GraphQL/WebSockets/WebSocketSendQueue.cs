using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Tasks.Sources;

using NewsGraph.GraphQL.Threading;

namespace NewsGraph.GraphQL.WebSockets;

/// <summary>
/// The only writer of a WebSocket (<see cref="WebSocket.SendAsync(ArraySegment{byte}, WebSocketMessageType, bool, CancellationToken)"/>
/// must never overlap) behind a bounded queue. Producers (event streams, the receive loop, keep-alive) never wait:
/// when a client reads so slowly that <see cref="Capacity"/> messages are waiting, the backlog is dropped and the
/// connection closed with 1008; when even that close cannot go out (the client stopped reading, TCP buffers are full)
/// the connection is aborted after the close timeout. The capacity may be raised while the connection lives
/// (<see cref="EnsureCapacity"/>), as its session runs more operations, each of which may get a burst of events.
/// <para>
/// Built for many idle connections: the queue is a plain <see cref="Queue{T}"/> created at the first message and the
/// writer waits on this object itself (a reusable <see cref="IValueTaskSource{TResult}"/>), so an empty queue costs a
/// few fields, not a channel's preallocated segment. Messages may carry a buffer rented from
/// <see cref="ArrayPool{T}.Shared"/>; it is returned once the message was sent or dropped.
/// </para>
/// </summary>
internal sealed class WebSocketSendQueue : IDisposable, IValueTaskSource<bool>
{
    private readonly WebSocket _socket;
    private int _capacity;
    private readonly TimeSpan _closeTimeout;
    private readonly object _gate = new();
    private readonly CancellationTokenSource _abort = new();
    private Queue<OutgoingFrame>? _frames;
    private OutgoingFrame? _closeFrame;
    private bool _completed;
    // The writer's wait: set under _gate when the queue is empty; completed by the next producer.
    private ManualResetValueTaskSourceCore<bool> _signal = new() { RunContinuationsAsynchronously = true };
    private bool _waiting;
    private int _pending;
    private int _closing;
    private volatile bool _overflowed;

    public WebSocketSendQueue(WebSocket socket, int capacity, TimeSpan closeTimeout)
    {
        _socket = socket;
        _capacity = Math.Max(1, capacity);
        _closeTimeout = closeTimeout;
    }

    /// <summary>Cancelled when the connection must be torn down without a handshake (also stops the receive loop).</summary>
    public CancellationToken AbortToken => _abort.Token;

    public bool IsClosing => Volatile.Read(ref _closing) == 1;

    /// <summary>True when the connection was closed because its queue overflowed.</summary>
    public bool Overflowed => _overflowed;

    /// <summary>Messages waiting to be sent (never more than the capacity).</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>How many messages may wait before the connection is closed as too slow.</summary>
    public int Capacity => Volatile.Read(ref _capacity);

    /// <summary>
    /// Raises the capacity to at least <paramref name="capacity"/>. It never shrinks: messages already queued for an
    /// operation that has ended since must not push a client that reads over a lowered limit.
    /// </summary>
    public void EnsureCapacity(int capacity) => InterlockedMaximum.Raise(ref _capacity, capacity);

    /// <summary>Queues a text message; false when the connection is closing or the client is too slow.</summary>
    public bool TrySend(ReadOnlyMemory<byte> message) => TrySend(message, rented: null);

    /// <summary>
    /// Queues a text message whose bytes live in <paramref name="rented"/> (from <see cref="ArrayPool{T}.Shared"/>);
    /// the queue returns it to the pool once the message was sent or dropped, including when this returns false.
    /// </summary>
    public bool TrySend(ReadOnlyMemory<byte> message, byte[]? rented)
    {
        if (IsClosing)
        {
            Return(rented);
            return false;
        }

        if (Interlocked.Increment(ref _pending) > Volatile.Read(ref _capacity))
        {
            Interlocked.Decrement(ref _pending);
            Return(rented);
            _overflowed = true;
            Close(WebSocketCloseCodes.PolicyViolation, "Send queue full: the client does not read fast enough");
            return false;
        }

        lock (_gate)
        {
            if (_completed)
            {
                Interlocked.Decrement(ref _pending);
                Return(rented);
                return false;
            }

            (_frames ??= new Queue<OutgoingFrame>()).Enqueue(new OutgoingFrame(message, rented));
            WakeWriter();
        }

        return true;
    }

    /// <summary>
    /// Sends a close frame after the messages already queued (all of them dropped on overflow). The first close wins.
    /// The connection is aborted if the close handshake has not finished within the close timeout.
    /// </summary>
    public void Close(int closeCode, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }

        lock (_gate)
        {
            if (!_completed)
            {
                _closeFrame = new OutgoingFrame(default, null, (WebSocketCloseStatus)closeCode, reason);
                _completed = true;
                WakeWriter();
            }
        }

        try
        {
            _abort.CancelAfter(_closeTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The connection is already gone.
        }
    }

    /// <summary>Tears the connection down at once.</summary>
    public void Abort()
    {
        Interlocked.Exchange(ref _closing, 1);
        lock (_gate)
        {
            _completed = true;
            WakeWriter();
        }

        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed: nothing left to abort.
        }
    }

    /// <summary>The writer loop; ends after the close frame went out or the connection failed.</summary>
    public async Task RunAsync()
    {
        // No cancellation registration while waiting: the abort token is only ever cancelled by Abort(), which wakes
        // the writer itself, or by the close timeout, which is armed only after a close frame was queued.
        try
        {
            while (true)
            {
                OutgoingFrame frame;
                ValueTask<bool> wait;
                bool hasFrame;
                lock (_gate)
                {
                    if (_frames is { Count: > 0 } frames)
                    {
                        frame = frames.Dequeue();
                        wait = default;
                        hasFrame = true;
                    }
                    else if (_closeFrame is { } close)
                    {
                        frame = close;
                        _closeFrame = null;
                        wait = default;
                        hasFrame = true;
                    }
                    else if (_completed)
                    {
                        return;
                    }
                    else
                    {
                        frame = default;
                        hasFrame = false;
                        _signal.Reset();
                        _waiting = true;
                        wait = new ValueTask<bool>(this, _signal.Version);
                    }
                }

                if (!hasFrame)
                {
                    // Nothing queued: wait for a producer (or the abort), then look again.
                    await wait.ConfigureAwait(false);
                    _abort.Token.ThrowIfCancellationRequested();
                    continue;
                }

                await SendAsync(frame).ConfigureAwait(false);
                if (frame.CloseStatus is not null)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
            // The client is gone or did not take the close frame in time: there is nobody left to tell.
            Abort();
        }
        finally
        {
            ReturnQueued();
        }
    }

    public void Dispose() => _abort.Dispose();

    bool IValueTaskSource<bool>.GetResult(short token) => _signal.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _signal.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _signal.OnCompleted(continuation, state, token, flags);

    private async Task SendAsync(OutgoingFrame frame)
    {
        if (frame.CloseStatus is { } status)
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(status, Truncate(frame.CloseReason), _abort.Token).ConfigureAwait(false);
            }

            return;
        }

        Interlocked.Decrement(ref _pending);
        try
        {
            if (_overflowed)
            {
                // The client is too slow: what it has not read yet is dropped, only the close frame goes out.
                return;
            }

            await _socket.SendAsync(frame.Message, WebSocketMessageType.Text, endOfMessage: true, _abort.Token).ConfigureAwait(false);
        }
        finally
        {
            Return(frame.Rented);
        }
    }

    /// <summary>Called under <see cref="_gate"/>: releases the writer if it waits.</summary>
    private void WakeWriter()
    {
        if (_waiting)
        {
            _waiting = false;
            _signal.SetResult(true);
        }
    }

    /// <summary>What is still queued when the writer ends goes back to the pool (nothing will send it).</summary>
    private void ReturnQueued()
    {
        lock (_gate)
        {
            _completed = true;
            while (_frames is { Count: > 0 } frames)
            {
                Return(frames.Dequeue().Rented);
            }

            _frames = null;
        }
    }

    private static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>A close reason is limited to 123 UTF-8 bytes by RFC 6455.</summary>
    private static string Truncate(string? reason)
    {
        if (string.IsNullOrEmpty(reason))
        {
            return string.Empty;
        }

        while (System.Text.Encoding.UTF8.GetByteCount(reason) > 123)
        {
            reason = reason[..^1];
        }

        return reason;
    }

    private readonly record struct OutgoingFrame(ReadOnlyMemory<byte> Message, byte[]? Rented, WebSocketCloseStatus? CloseStatus = null, string? CloseReason = null);
}
