using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsGraph.GraphQL.Tests.WebSockets;

/// <summary>A raw <see cref="ClientWebSocket"/> speaking JSON messages, with bounded waits.</summary>
public sealed class TestWebSocketClient : IDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket;

    private TestWebSocketClient(ClientWebSocket socket) => _socket = socket;

    public string? SubProtocol => _socket.SubProtocol;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public ClientWebSocket Socket => _socket;

    public static async Task<TestWebSocketClient> ConnectAsync(Uri uri, IEnumerable<string> subProtocols)
    {
        var socket = new ClientWebSocket();
        foreach (var protocol in subProtocols)
        {
            socket.Options.AddSubProtocol(protocol);
        }

        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await socket.ConnectAsync(uri, timeout.Token);
        return new TestWebSocketClient(socket);
    }

    public Task SendAsync(JsonObject message) => SendTextAsync(message.ToJsonString());

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>Sends <c>connection_init</c> and expects <c>connection_ack</c>.</summary>
    public async Task InitAsync(JsonObject? payload = null)
    {
        var init = new JsonObject { ["type"] = "connection_init" };
        if (payload is not null)
        {
            init["payload"] = payload;
        }

        await SendAsync(init);
        var ack = await ReceiveAsync();
        Assert.Equal("connection_ack", (string?)ack["type"]);
    }

    public Task SubscribeAsync(string id, string query, string type = "subscribe", JsonObject? variables = null)
        => SendAsync(new JsonObject
        {
            ["type"] = type,
            ["id"] = id,
            ["payload"] = new JsonObject { ["query"] = query, ["variables"] = variables },
        });

    /// <summary>The next message; fails on close or after the timeout.</summary>
    public async Task<JsonObject> ReceiveAsync(TimeSpan? timeout = null)
    {
        var text = await ReceiveTextAsync(timeout);
        Assert.True(text is not null, $"Connection closed instead: {CloseStatus} {CloseDescription}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The next message other than keep-alives (<c>ping</c>, <c>pong</c>, <c>ka</c>).</summary>
    public async Task<JsonObject> ReceiveSkippingKeepAliveAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var message = await ReceiveAsync(timeout);
            if ((string?)message["type"] is not ("ping" or "pong" or "ka"))
            {
                return message;
            }
        }
    }

    /// <summary>Reads until the server closes; returns the close code (messages before it are skipped).</summary>
    public async Task<int> ReceiveCloseAsync(TimeSpan? timeout = null)
    {
        for (var i = 0; i < 10_000; i++)
        {
            if (await ReceiveTextAsync(timeout) is null)
            {
                return (int)(CloseStatus ?? WebSocketCloseStatus.Empty);
            }
        }

        throw new InvalidOperationException("No close after 10,000 messages.");
    }

    public async Task CloseAsync()
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
    }

    public void Dispose() => _socket.Dispose();

    private async Task<string?> ReceiveTextAsync(TimeSpan? timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellation.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }
}
