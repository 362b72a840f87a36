using System.Text.Json.Nodes;

namespace NewsGraph.Server.Tests.ScaleOut;

/// <summary>An <c>onArticlePublished</c> subscription over graphql-transport-ws.</summary>
public sealed class WebSocketPublicationFeed : PublicationFeed
{
    private const string OperationId = "published";
    private readonly GraphQLWebSocketClient _client;

    private WebSocketPublicationFeed(string name, GraphQLWebSocketClient client)
        : base(name) => _client = client;

    /// <summary>Connects and subscribes; the server sets the subscription up asynchronously (see <see cref="PublicationFeeds.PrimeAsync"/>).</summary>
    public static async Task<WebSocketPublicationFeed> OpenAsync(string instance, ServerProcess server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var client = await GraphQLWebSocketClient.ConnectAndInitAsync(server.BaseAddress, GraphQLWebSocketClient.TransportWs);
        await client.SubscribeAsync(OperationId, Subscription);
        return new WebSocketPublicationFeed($"{instance} over WebSocket", client);
    }

    public override void Dispose() => _client.Dispose();

    protected override async Task<string?> NextSlugAsync(TimeSpan wait)
    {
        // The deadline covers the keep-alives too: the server pings every few seconds, and each ping must not start
        // the wait afresh (the client's ReceiveAsync bounds one message, keep-alives included).
        var deadline = DateTime.UtcNow + wait;
        while (deadline - DateTime.UtcNow is { Ticks: > 0 } left)
        {
            JsonObject message;
            try
            {
                message = await _client.ReceiveIncludingKeepAliveAsync(left);
            }
            catch (TimeoutException)
            {
                return null;
            }

            if ((string?)message["type"] is "ping" or "pong")
            {
                continue;
            }

            Assert.True((string?)message["type"] == "next" && (string?)message["id"] == OperationId, $"{Name}: expected an event, got {message.ToJsonString()}");
            return (string?)message["payload"]!["data"]!["onArticlePublished"]!["slug"];
        }

        return null;
    }
}
