using System.Buffers;
using System.Net.WebSockets;

namespace NewsGraph.GraphQL.WebSockets;

/// <summary>
/// Reads whole WebSocket messages (they may span several frames) up to a size limit. An idle connection holds no
/// receive buffer: it waits with a zero-byte read (the socket reports when a frame has arrived without consuming
/// it) and rents the buffer from <see cref="ArrayPool{T}.Shared"/> only while that message is read.
/// </summary>
internal sealed class WebSocketMessageReader
{
    private const int BufferSize = 4096;
    private readonly WebSocket _socket;
    private readonly int _maxMessageSize;

    public WebSocketMessageReader(WebSocket socket, int maxMessageSize)
    {
        _socket = socket;
        _maxMessageSize = maxMessageSize;
    }

    /// <summary>
    /// Waits, without a buffer, until a frame header has arrived (or the whole of an empty message). Not an async
    /// method: the caller awaits the socket's own task, so an idle connection keeps no frame of this reader.
    /// </summary>
    public ValueTask<ValueWebSocketReceiveResult> WaitForMessageAsync(CancellationToken cancellationToken)
        => _socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken);

    /// <summary>
    /// The message announced by <paramref name="peek"/> (from <see cref="WaitForMessageAsync"/>);
    /// <see cref="WebSocketReadResult.IsClose"/> when the client closed, <see cref="WebSocketReadResult.TooBig"/> when it
    /// was larger than the limit (its content is read and dropped, so memory stays bounded).
    /// </summary>
    public ValueTask<WebSocketReadResult> ReadAsync(ValueWebSocketReceiveResult peek, CancellationToken cancellationToken)
    {
        if (peek.MessageType == WebSocketMessageType.Close)
        {
            return ValueTask.FromResult(WebSocketReadResult.Closed);
        }

        if (peek.EndOfMessage)
        {
            return ValueTask.FromResult(new WebSocketReadResult(ReadOnlyMemory<byte>.Empty, false, false));
        }

        return new ValueTask<WebSocketReadResult>(ReadWithRentedBufferAsync(cancellationToken));
    }

    private async Task<WebSocketReadResult> ReadWithRentedBufferAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            return await ReadRestAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<WebSocketReadResult> ReadRestAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        ArrayBufferWriter<byte>? message = null;
        var size = 0;
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return WebSocketReadResult.Closed;
            }

            size += received.Count;
            if (size <= _maxMessageSize)
            {
                if (received.EndOfMessage && message is null)
                {
                    // The common case, one frame: a copy of exactly its size (the rented buffer goes back to the pool).
                    return new WebSocketReadResult(buffer.AsMemory(0, received.Count).ToArray(), false, false);
                }

                message ??= new ArrayBufferWriter<byte>(Math.Max(buffer.Length * 2, received.Count));
                message.Write(buffer.AsSpan(0, received.Count));
            }
            else
            {
                message = null;
            }

            if (received.EndOfMessage)
            {
                return size > _maxMessageSize
                    ? WebSocketReadResult.Oversized
                    : new WebSocketReadResult(message!.WrittenMemory, false, false);
            }
        }
    }
}
