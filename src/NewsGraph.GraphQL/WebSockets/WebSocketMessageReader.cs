using System.Buffers;
using System.Net.WebSockets;

namespace NewsGraph.GraphQL.WebSockets;

/// <summary>Reads whole WebSocket messages (they may span several frames) up to a size limit.</summary>
internal sealed class WebSocketMessageReader
{
    private readonly WebSocket _socket;
    private readonly int _maxMessageSize;
    private readonly byte[] _buffer = new byte[4096];

    public WebSocketMessageReader(WebSocket socket, int maxMessageSize)
    {
        _socket = socket;
        _maxMessageSize = maxMessageSize;
    }

    /// <summary>
    /// The next message; <see cref="WebSocketReadResult.IsClose"/> when the client closed, <see cref="WebSocketReadResult.TooBig"/>
    /// when it was larger than the limit (its content is read and dropped, so memory stays bounded).
    /// </summary>
    public async Task<WebSocketReadResult> ReadAsync(CancellationToken cancellationToken)
    {
        ArrayBufferWriter<byte>? message = null;
        var size = 0;
        while (true)
        {
            var received = await _socket.ReceiveAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return WebSocketReadResult.Closed;
            }

            size += received.Count;
            if (size <= _maxMessageSize)
            {
                if (received.EndOfMessage && message is null)
                {
                    // The common case, one frame: no extra buffer.
                    return new WebSocketReadResult(_buffer.AsMemory(0, received.Count).ToArray(), false, false);
                }

                message ??= new ArrayBufferWriter<byte>(Math.Max(_buffer.Length * 2, received.Count));
                message.Write(_buffer.AsSpan(0, received.Count));
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
