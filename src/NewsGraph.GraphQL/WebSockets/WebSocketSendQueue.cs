using System.Net.WebSockets;
using System.Threading.Channels;

namespace NewsGraph.GraphQL.WebSockets;

/// <summary>
/// The only writer of a WebSocket (<see cref="WebSocket.SendAsync(ArraySegment{byte}, WebSocketMessageType, bool, CancellationToken)"/>
/// must never overlap) behind a bounded queue. Producers (event streams, the receive loop, keep-alive) never wait:
/// when a client reads so slowly that <c>capacity</c> messages are waiting, the backlog is dropped and the connection
/// closed with 1008; when even that close cannot go out (the client stopped reading, TCP buffers are full) the
/// connection is aborted after the close timeout.
/// </summary>
internal sealed class WebSocketSendQueue : IDisposable
{
    private readonly WebSocket _socket;
    private readonly int _capacity;
    private readonly TimeSpan _closeTimeout;
    // Unbounded as a type, bounded by _pending: the close frame must always fit behind a full queue.
    private readonly Channel<OutgoingFrame> _channel = Channel.CreateUnbounded<OutgoingFrame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _abort = new();
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

    /// <summary>Queues a text message; false when the connection is closing or the client is too slow.</summary>
    public bool TrySend(ReadOnlyMemory<byte> message)
    {
        if (IsClosing)
        {
            return false;
        }

        if (Interlocked.Increment(ref _pending) > _capacity)
        {
            Interlocked.Decrement(ref _pending);
            _overflowed = true;
            Close(WebSocketCloseCodes.PolicyViolation, "Send queue full: the client does not read fast enough");
            return false;
        }

        if (!_channel.Writer.TryWrite(new OutgoingFrame(message, null, null)))
        {
            Interlocked.Decrement(ref _pending);
            return false;
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

        _channel.Writer.TryWrite(new OutgoingFrame(default, (WebSocketCloseStatus)closeCode, reason));
        _channel.Writer.TryComplete();
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
        _channel.Writer.TryComplete();
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
        try
        {
            await foreach (var frame in _channel.Reader.ReadAllAsync(_abort.Token).ConfigureAwait(false))
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
                if (_overflowed)
                {
                    // The client is too slow: what it has not read yet is dropped, only the close frame goes out.
                    continue;
                }

                await _socket.SendAsync(frame.Message, WebSocketMessageType.Text, endOfMessage: true, _abort.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
            // The client is gone or did not take the close frame in time: there is nobody left to tell.
            Abort();
        }
    }

    public void Dispose() => _abort.Dispose();

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

    private readonly record struct OutgoingFrame(ReadOnlyMemory<byte> Message, WebSocketCloseStatus? CloseStatus, string? CloseReason);
}
