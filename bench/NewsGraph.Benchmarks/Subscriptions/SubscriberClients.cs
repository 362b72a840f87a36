using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace NewsGraph.Benchmarks.Subscriptions;

/// <summary>
/// The client side of the fan-out benchmark, run in a child process (<c>fanout-clients</c>) so that the server's
/// memory is measured without the clients' and each process has its own file-descriptor budget. Opens N
/// <see cref="ClientWebSocket"/>s speaking graphql-transport-ws, subscribes each to <c>onArticlePublished</c> and
/// timestamps every <c>next</c> on receipt with <see cref="Stopwatch.GetTimestamp"/> (CLOCK_MONOTONIC on Linux, the
/// same clock in every process of the machine, so the parent can subtract its publish timestamps).
/// </summary>
/// <remarks>
/// Line protocol. Child to parent (stdout): <c>READY opened failed</c> once every connection is acknowledged and
/// subscribed; <c>ALL id</c> when every open client has received the article with that GraphQL id; <c>REPORTED</c>;
/// <c>BYE</c>. Parent to child (stdin): <c>REPORT path</c> (write every receipt to a binary file), <c>QUIT</c>.
/// </remarks>
internal sealed class SubscriberClients
{
    public const string Query = "subscription { onArticlePublished { id title author { name } category { slug } tags { name } } }";

    private static readonly byte[] IdMarker = Encoding.UTF8.GetBytes("\"onArticlePublished\":{\"id\":\"");
    private static readonly byte[] NextMarker = Encoding.UTF8.GetBytes("\"type\":\"next\"");
    private static readonly byte[] PingMarker = Encoding.UTF8.GetBytes("\"type\":\"ping\"");
    private static readonly byte[] Pong = Encoding.UTF8.GetBytes("{\"type\":\"pong\"}");
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, int> _idIndex = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox> _receivedPerId = new(StringComparer.Ordinal);
    private readonly List<Client> _clients = [];
    private readonly Lock _stdout = new();
    private int _openClients;

    public static async Task<int> RunAsync(IReadOnlyList<Uri> endpoints, int count, int connectConcurrency, CancellationToken ct)
    {
        var clients = new SubscriberClients();
        (int opened, int failed) = await clients.OpenAsync(endpoints, count, connectConcurrency, ct);
        clients.WriteLine(string.Create(CultureInfo.InvariantCulture, $"READY {opened} {failed}"));

        // Bounded by the parent: it sends QUIT (or closes stdin) when done; a vanished parent ends the loop too.
        while (await Console.In.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("REPORT ", StringComparison.Ordinal))
            {
                clients.WriteReport(line["REPORT ".Length..]);
                clients.WriteLine("REPORTED");
            }
            else if (line == "QUIT")
            {
                break;
            }
        }

        await clients.CloseAllAsync(connectConcurrency);
        clients.WriteLine("BYE");
        return 0;
    }

    private void WriteLine(string line)
    {
        lock (_stdout)
        {
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        }
    }

    private async Task<(int Opened, int Failed)> OpenAsync(IReadOnlyList<Uri> endpoints, int count, int concurrency, CancellationToken ct)
    {
        for (int i = 0; i < count; i++)
        {
            _clients.Add(new Client(i, i % endpoints.Count));
        }

        int failed = 0;
        await Parallel.ForEachAsync(_clients, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (client, token) =>
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                timeout.CancelAfter(ConnectTimeout);
                await client.ConnectAndSubscribeAsync(endpoints[client.Endpoint], timeout.Token);
                Interlocked.Increment(ref _openClients);
                client.ReceiveLoop = Task.Run(() => ReceiveLoopAsync(client), CancellationToken.None);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or InvalidOperationException)
            {
                client.Failure = ex.GetType().Name + ": " + ex.Message;
                Interlocked.Increment(ref failed);
            }
        });
        return (count - failed, failed);
    }

    private async Task ReceiveLoopAsync(Client client)
    {
        byte[] buffer = new byte[8192];
        WebSocket socket = client.Socket;
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                int length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                // Timestamp first: everything after this line is the client's own work, not the server's latency.
                long received = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    client.CloseStatus = (int?)socket.CloseStatus ?? 0;
                    break;
                }

                OnMessage(client, buffer.AsSpan(0, length), received);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            if (!client.Closing)
            {
                client.Failure = ex.GetType().Name + ": " + ex.Message;
            }
        }
        finally
        {
            if (!client.Closing)
            {
                Interlocked.Decrement(ref _openClients);
            }
        }
    }

    private void OnMessage(Client client, ReadOnlySpan<byte> message, long received)
    {
        int at = message.IndexOf(IdMarker);
        if (at >= 0 && message.IndexOf(NextMarker) >= 0)
        {
            ReadOnlySpan<byte> rest = message[(at + IdMarker.Length)..];
            string id = Encoding.UTF8.GetString(rest[..rest.IndexOf((byte)'"')]);
            int index = _idIndex.GetOrAdd(id, _ => _idIndex.Count);
            lock (client.Receipts)
            {
                client.Receipts.Add((index, received));
            }

            StrongBox box = _receivedPerId.GetOrAdd(id, _ => new StrongBox());
            if (Interlocked.Increment(ref box.Value) == Volatile.Read(ref _openClients))
            {
                WriteLine("ALL " + id);
            }

            return;
        }

        if (message.IndexOf(PingMarker) >= 0)
        {
            _ = client.SendAsync(Pong);
            return;
        }

        // Anything else on an established subscription (error, complete, an unexpected next) is a failure to report.
        using JsonDocument document = JsonDocument.Parse(message.ToArray());
        string type = document.RootElement.TryGetProperty("type", out JsonElement t) ? t.GetString() ?? "?" : "?";
        Interlocked.Increment(ref client.Unexpected);
        client.Failure ??= "unexpected message: " + type + " " + Encoding.UTF8.GetString(message[..Math.Min(message.Length, 300)]);
    }

    private void WriteReport(string path)
    {
        using var file = new BinaryWriter(File.Create(path));
        string[] ids = new string[_idIndex.Count];
        foreach ((string id, int index) in _idIndex)
        {
            ids[index] = id;
        }

        file.Write(ids.Length);
        foreach (string id in ids)
        {
            file.Write(id);
        }

        file.Write(_clients.Count);
        foreach (Client client in _clients)
        {
            file.Write(client.Endpoint);
            file.Write(client.CloseStatus ?? -1);
            file.Write(client.Unexpected);
            file.Write(client.Failure ?? string.Empty);
            lock (client.Receipts)
            {
                file.Write(client.Receipts.Count);
                foreach ((int index, long timestamp) in client.Receipts)
                {
                    file.Write(index);
                    file.Write(timestamp);
                }
            }
        }
    }

    private async Task CloseAllAsync(int concurrency)
    {
        await Parallel.ForEachAsync(_clients, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (client, _) =>
        {
            client.Closing = true;
            if (client.Socket.State == WebSocketState.Open)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await client.SendLock.WaitAsync(timeout.Token);
                    await client.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
                }
                catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
                {
                    client.Socket.Abort();
                }
            }

            if (client.ReceiveLoop is { } loop)
            {
                await Task.WhenAny(loop, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
            }

            client.Socket.Dispose();
        });
    }

    private sealed class StrongBox
    {
        public int Value;
    }

    private sealed class Client(int number, int endpoint)
    {
        public int Number { get; } = number;

        public int Endpoint { get; } = endpoint;

        public ClientWebSocket Socket { get; } = CreateSocket();

        public SemaphoreSlim SendLock { get; } = new(1, 1);

        public List<(int Index, long Timestamp)> Receipts { get; } = [];

        public Task? ReceiveLoop { get; set; }

        public int? CloseStatus { get; set; }

        public string? Failure { get; set; }

        public volatile bool Closing;

        public int Unexpected;

        public async Task ConnectAndSubscribeAsync(Uri endpoint, CancellationToken ct)
        {
            await Socket.ConnectAsync(endpoint, ct);
            if (Socket.SubProtocol != "graphql-transport-ws")
            {
                throw new InvalidOperationException($"The server chose sub-protocol '{Socket.SubProtocol}'.");
            }

            await SendAsync(Encoding.UTF8.GetBytes("{\"type\":\"connection_init\",\"payload\":{}}"), ct);
            byte[] buffer = new byte[4096];
            while (true)
            {
                WebSocketReceiveResult result = await Socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException($"Closed before connection_ack: {Socket.CloseStatus} {Socket.CloseStatusDescription}");
                }

                string text = Encoding.UTF8.GetString(buffer, 0, result.Count);
                if (text.Contains("\"connection_ack\"", StringComparison.Ordinal))
                {
                    break;
                }
            }

            byte[] subscribe = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
            {
                ["id"] = "1",
                ["type"] = "subscribe",
                ["payload"] = new Dictionary<string, string> { ["query"] = Query },
            });
            await SendAsync(subscribe, ct);
            _ = Number;
        }

        public async Task SendAsync(byte[] message, CancellationToken ct = default)
        {
            if (Closing)
            {
                return;
            }

            await SendLock.WaitAsync(ct);
            try
            {
                await Socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, ct);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                Failure ??= "send failed: " + ex.Message;
            }
            finally
            {
                SendLock.Release();
            }
        }

        private static ClientWebSocket CreateSocket()
        {
            var socket = new ClientWebSocket();
            socket.Options.AddSubProtocol("graphql-transport-ws");
            // Loopback only: never a proxy. The server sends graphql-ws pings; no WebSocket-level pings on top.
            socket.Options.Proxy = null;
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            return socket;
        }
    }
}
