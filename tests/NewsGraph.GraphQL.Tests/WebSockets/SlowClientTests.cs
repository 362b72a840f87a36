using NewsGraph.GraphQL.WebSockets;

namespace NewsGraph.GraphQL.Tests.WebSockets;

/// <summary>A client that stops reading is disconnected; the others keep receiving everything.</summary>
public sealed class SlowClientTests
{
    [Fact]
    public async Task A_client_that_stops_reading_is_closed_without_slowing_the_others()
    {
        await using var server = await StreamingTestServer.StartAsync(o =>
        {
            o.SendQueueCapacity = 8;
            o.CloseTimeout = TimeSpan.FromMilliseconds(500);
        });
        using var slow = await server.ConnectAsync(WebSocketSubProtocols.GraphQLTransportWs);
        using var fast = await server.ConnectAsync(WebSocketSubProtocols.GraphQLTransportWs);
        await slow.InitAsync();
        await fast.InitAsync();
        await slow.SubscribeAsync("s", "subscription { events }");
        await fast.SubscribeAsync("f", "subscription { events }");
        await server.Events.WaitForSubscribersAsync(2);

        // Paced at the fast client's speed: its queue never fills, while the slow client's socket buffers fill
        // after a few MB and then its queue of 8 overflows.
        const int events = 300;
        var payload = new string('x', 128 * 1024);
        for (var i = 0; i < events; i++)
        {
            server.Events.Publish(payload);
            var message = await fast.ReceiveAsync(TimeSpan.FromSeconds(20));
            Assert.Equal("next", (string?)message["type"]);
        }

        // The slow connection's subscription is gone (closed 1008 or aborted once the close could not go out).
        await server.Events.WaitForSubscribersAsync(1);
        var closed = await ReadUntilClosedAsync(slow);
        Assert.True(closed is WebSocketCloseCodes.PolicyViolation or 0, $"Unexpected close {closed}");
    }

    /// <summary>Drains what reached the slow client; 0 when the connection was aborted rather than closed.</summary>
    private static Task<int> ReadUntilClosedAsync(GraphQLWebSocketClient client)
        => client.ReceiveCloseAsync(TimeSpan.FromSeconds(10));
}
