using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace NewsGraph.Server.Tests.Transports;

/// <summary>A raw WebSocket client for either GraphQL sub-protocol, with bounded waits.</summary>
public sealed class TransportClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonObject> _messages = Channel.CreateUnbounded<JsonObject>();

    private TransportClient(string subProtocol) => SubProtocol = subProtocol;

    public string SubProtocol { get; }

    private bool IsLegacy => SubProtocol == "graphql-ws";

    /// <summary>Connects and completes the init handshake, optionally with a <c>connection_init</c> payload and upgrade headers.</summary>
    public static async Task<TransportClient> ConnectAsync(
        Uri httpBase, string subProtocol, JsonObject? initPayload = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var client = new TransportClient(subProtocol);
        client._socket.Options.AddSubProtocol(subProtocol);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            client._socket.Options.SetRequestHeader(name, value);
        }

        using var timeout = new CancellationTokenSource(Timeout);
        await client._socket.ConnectAsync(new Uri($"ws://{httpBase.Authority}/graphql"), timeout.Token);
        _ = client.PumpAsync();
        var init = new JsonObject { ["type"] = "connection_init" };
        if (initPayload is not null)
        {
            init["payload"] = initPayload;
        }

        await client.SendAsync(init);
        Assert.Equal("connection_ack", (string?)(await client.ReceiveAsync())["type"]);
        return client;
    }

    public Task SubscribeAsync(string id, string query, JsonObject? variables = null) => SendAsync(new JsonObject
    {
        ["type"] = IsLegacy ? "start" : "subscribe",
        ["id"] = id,
        ["payload"] = new JsonObject { ["query"] = query, ["variables"] = variables },
    });

    public Task UnsubscribeAsync(string id) => SendAsync(new JsonObject { ["type"] = IsLegacy ? "stop" : "complete", ["id"] = id });

    /// <summary>The next result (<c>next</c>/<c>data</c>) payload, skipping keep-alives.</summary>
    public async Task<JsonObject> ReceiveResultAsync(string id)
    {
        var message = await ReceiveAsync();
        Assert.Equal(IsLegacy ? "data" : "next", (string?)message["type"]);
        Assert.Equal(id, (string?)message["id"]);
        return message["payload"]!.AsObject();
    }

    /// <summary>The next message other than keep-alives.</summary>
    public async Task<JsonObject> ReceiveAsync(TimeSpan? timeout = null)
    {
        // Read from the pump: cancelling a ClientWebSocket receive would abort the socket.
        using var cancellation = new CancellationTokenSource(timeout ?? Timeout);
        while (true)
        {
            var message = await _messages.Reader.ReadAsync(cancellation.Token);
            if ((string?)message["type"] is not ("ping" or "pong" or "ka"))
            {
                return message;
            }
        }
    }

    /// <summary>Reads every message into <see cref="_messages"/> until the socket closes.</summary>
    private async Task PumpAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var text = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    text.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                _messages.Writer.TryWrite(JsonNode.Parse(Encoding.UTF8.GetString(text.ToArray()))!.AsObject());
            }
        }
        catch (WebSocketException)
        {
            // Disposed or aborted: the pump ends with the socket.
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }

    /// <summary>True when no result arrives within <paramref name="wait"/>.</summary>
    public async Task<bool> IsQuietAsync(TimeSpan wait)
    {
        try
        {
            await ReceiveAsync(wait);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public void Dispose() => _socket.Dispose();

    private async Task SendAsync(JsonObject message)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, timeout.Token);
    }
}
