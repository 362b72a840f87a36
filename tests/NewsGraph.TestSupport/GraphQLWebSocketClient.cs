using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsGraph.TestSupport;

/// <summary>
/// A real <see cref="ClientWebSocket"/> speaking either GraphQL sub-protocol (<c>graphql-transport-ws</c>, or the
/// legacy <c>graphql-ws</c> of subscriptions-transport-ws) in JSON messages, with bounded waits. It reads only when
/// asked to (a test can play a client that stops reading), and a receive that times out leaves its read in flight
/// for the next one instead of cancelling it (cancelling a <see cref="ClientWebSocket"/> receive would abort the socket).
/// </summary>
public sealed class GraphQLWebSocketClient : IDisposable
{
    public const string TransportWs = "graphql-transport-ws";

    public const string LegacyWs = "graphql-ws";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    private readonly ClientWebSocket _socket;
    private Task<JsonObject?>? _read;
    private bool _ended;
    private bool _closeReceived;

    private GraphQLWebSocketClient(ClientWebSocket socket) => _socket = socket;

    /// <summary>The sub-protocol the server chose.</summary>
    public string? SubProtocol => _socket.SubProtocol;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public ClientWebSocket Socket => _socket;

    private bool IsLegacy => SubProtocol == LegacyWs;

    /// <summary>
    /// Opens a WebSocket offering <paramref name="subProtocols"/>, with <paramref name="headers"/> on the upgrade
    /// request. An upgrade the server refuses throws <see cref="WebSocketUpgradeRefusedException"/> with its status.
    /// </summary>
    public static async Task<GraphQLWebSocketClient> ConnectAsync(
        Uri uri, IEnumerable<string> subProtocols, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(subProtocols);
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.CollectHttpResponseDetails = true;
            foreach (var protocol in subProtocols)
            {
                socket.Options.AddSubProtocol(protocol);
            }

            foreach (var (name, value) in headers ?? [])
            {
                socket.Options.SetRequestHeader(name, value);
            }

            using var timeout = new CancellationTokenSource(DefaultTimeout);
            try
            {
                await socket.ConnectAsync(uri, timeout.Token);
            }
            catch (WebSocketException ex) when (socket.HttpStatusCode != 0 && socket.HttpStatusCode != HttpStatusCode.SwitchingProtocols)
            {
                throw new WebSocketUpgradeRefusedException(socket.HttpStatusCode, socket.HttpResponseHeaders, ex);
            }

            return new GraphQLWebSocketClient(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Connects to <c>/graphql</c> of the server at <paramref name="httpBase"/> and completes the init handshake.</summary>
    public static async Task<GraphQLWebSocketClient> ConnectAndInitAsync(
        Uri httpBase, string subProtocol, JsonObject? initPayload = null, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        var client = await ConnectAsync(LoopbackServer.WebSocketUri(httpBase), [subProtocol], headers);
        try
        {
            await client.InitAsync(initPayload);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public Task SendAsync(JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendTextAsync(message.ToJsonString());
    }

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>Sends <c>connection_init</c> (with <paramref name="payload"/> when given) and expects <c>connection_ack</c>.</summary>
    public async Task InitAsync(JsonObject? payload = null)
    {
        var init = new JsonObject { ["type"] = "connection_init" };
        if (payload is not null)
        {
            init["payload"] = payload;
        }

        await SendAsync(init);
        var ack = await ReceiveAsync();
        Assert.True((string?)ack["type"] == "connection_ack", $"Expected connection_ack, got {ack.ToJsonString()}");
    }

    /// <summary>
    /// Starts operation <paramref name="id"/>: <c>subscribe</c> in graphql-transport-ws, <c>start</c> in the legacy
    /// protocol, unless <paramref name="type"/> says otherwise (to send what a protocol does not expect).
    /// </summary>
    public Task SubscribeAsync(string id, string query, JsonObject? variables = null, string? type = null)
        => SendAsync(new JsonObject
        {
            ["type"] = type ?? (IsLegacy ? "start" : "subscribe"),
            ["id"] = id,
            ["payload"] = new JsonObject { ["query"] = query, ["variables"] = variables },
        });

    /// <summary>Ends operation <paramref name="id"/>: <c>complete</c>, or <c>stop</c> in the legacy protocol.</summary>
    public Task UnsubscribeAsync(string id) => SendAsync(new JsonObject { ["type"] = IsLegacy ? "stop" : "complete", ["id"] = id });

    /// <summary>The next message, keep-alives included, or null once the connection has ended; fails when nothing comes in time.</summary>
    public Task<JsonObject?> ReceiveOrEndAsync(TimeSpan? timeout = null) => NextAsync(timeout);

    /// <summary>The next message, keep-alives included; fails when the connection ends or nothing comes in time.</summary>
    public async Task<JsonObject> ReceiveIncludingKeepAliveAsync(TimeSpan? timeout = null)
        => await NextAsync(timeout) ?? throw new Xunit.Sdk.XunitException($"The connection ended instead: {CloseStatus} {CloseDescription}");

    /// <summary>
    /// The next message other than keep-alives (<c>ping</c>, <c>pong</c>, <c>ka</c>: the servers send them every few
    /// seconds); fails when the connection ends or nothing else comes within <paramref name="timeout"/> in all (the
    /// keep-alives skipped meanwhile do not restart it, or a server pinging every 5 s would make it wait for ever).
    /// </summary>
    public async Task<JsonObject> ReceiveAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var left = limit - elapsed.Elapsed;
            var message = await ReceiveIncludingKeepAliveAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            if ((string?)message["type"] is not ("ping" or "pong" or "ka"))
            {
                return message;
            }
        }
    }

    /// <summary>The payload of the next result of <paramref name="id"/> (<c>next</c>, or <c>data</c> in the legacy protocol).</summary>
    public async Task<JsonObject> ReceiveResultAsync(string id, TimeSpan? timeout = null)
    {
        var message = await ReceiveAsync(timeout);
        Assert.True((string?)message["type"] == (IsLegacy ? "data" : "next") && (string?)message["id"] == id, $"Expected a result of {id}, got {message.ToJsonString()}");
        return message["payload"]!.AsObject();
    }

    /// <summary>
    /// Reads until the connection ends; returns the server's close code, or 0 when the connection was aborted
    /// without a close frame (messages before the end are skipped).
    /// </summary>
    public async Task<int> ReceiveCloseAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var elapsed = Stopwatch.StartNew();
        while (await NextAsync(limit - elapsed.Elapsed is { Ticks: > 0 } left ? left : TimeSpan.Zero) is not null)
        {
        }

        return _closeReceived ? (int)(CloseStatus ?? WebSocketCloseStatus.Empty) : 0;
    }

    /// <summary>The next message other than a keep-alive, or null when none arrives within <paramref name="wait"/>.</summary>
    public async Task<JsonObject?> TryReceiveAsync(TimeSpan wait)
    {
        try
        {
            return await ReceiveAsync(wait);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>
    /// True when no message other than a keep-alive arrives within <paramref name="wait"/>. Only meaningful after a
    /// positive signal that what could arrive would have arrived by then; prefer a positive assertion where there is one.
    /// </summary>
    public async Task<bool> IsQuietAsync(TimeSpan wait) => await TryReceiveAsync(wait) is null;

    public async Task CloseAsync()
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
    }

    public void Dispose() => _socket.Dispose();

    /// <summary>The next message, or null once the connection has ended; throws <see cref="TimeoutException"/> when nothing comes in time.</summary>
    private async Task<JsonObject?> NextAsync(TimeSpan? timeout)
    {
        if (_ended)
        {
            return null;
        }

        var limit = timeout ?? DefaultTimeout;
        _read ??= ReadMessageAsync();
        JsonObject? message;
        try
        {
            message = await _read.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            // The read stays in flight: the next receive picks up what it gets.
            throw new TimeoutException($"No message within {limit.TotalSeconds:0.#} s.");
        }

        _read = null;
        _ended = message is null;
        return message;
    }

    /// <summary>Reads one whole message; null when the server closed the connection or it was aborted.</summary>
    private async Task<JsonObject?> ReadMessageAsync()
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        try
        {
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _closeReceived = true;
                    return null;
                }

                text.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            return null; // aborted or disposed
        }

        return JsonNode.Parse(text.ToArray())!.AsObject();
    }
}

/// <summary>The server answered the WebSocket upgrade request with <see cref="StatusCode"/> instead of switching protocols.</summary>
public sealed class WebSocketUpgradeRefusedException(HttpStatusCode statusCode, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception innerException)
    : Exception($"The WebSocket upgrade was refused with {(int)statusCode}.", innerException)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; } = headers ?? new Dictionary<string, IEnumerable<string>>();
}
