using System.Text.Json.Nodes;
using NewsGraph.GraphQL.WebSockets;

namespace NewsGraph.GraphQL.Tests.WebSockets;

/// <summary>
/// Many operations on one connection: a client that reads gets every message of a burst on all of its subscriptions,
/// one operation over the limit is refused for its id only, and a client that stops reading is still closed.
/// </summary>
public sealed class OperationsPerConnectionTests
{
    public static TheoryData<string> Protocols => new() { WebSocketSubProtocols.GraphQLTransportWs, WebSocketSubProtocols.GraphQLWs };

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task A_reading_client_with_500_subscriptions_gets_all_of_3_quick_events(string protocol)
    {
        const int subscriptions = 500;
        const int events = 3;
        // The attack that was closed with 1008 after 433 of 1,500 messages, with the limit raised to let it in (and
        // the query that checks the connection afterwards).
        await using var server = await StreamingTestServer.StartAsync(o => o.MaxOperationsPerConnection = subscriptions + 1);
        using var client = await server.ConnectAsync(protocol);
        await client.InitAsync();
        for (var i = 0; i < subscriptions; i++)
        {
            await client.SubscribeAsync($"s{i}", "subscription { events }");
        }

        await server.Events.WaitForSubscribersAsync(subscriptions);

        // All 1,500 results are queued at once: the publications fan out to every subscription synchronously.
        for (var e = 0; e < events; e++)
        {
            server.Events.Publish($"event {e}");
        }

        var received = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var m = 0; m < subscriptions * events; m++)
        {
            var message = await client.ReceiveAsync();
            Assert.Equal(ResultType(protocol), (string?)message["type"]);
            var id = (string)message["id"]!;
            if (!received.TryGetValue(id, out var values))
            {
                received[id] = values = [];
            }

            values.Add((string)message["payload"]!["data"]!["events"]!);
        }

        Assert.Equal(subscriptions, received.Count);
        Assert.All(received.Values, values => Assert.Equal(["event 0", "event 1", "event 2"], values));
        await AssertUsableAsync(client, protocol);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task An_operation_over_the_limit_gets_an_error_and_the_connection_goes_on(string protocol)
    {
        await using var server = await StreamingTestServer.StartAsync(o => o.MaxOperationsPerConnection = 3);
        using var client = await server.ConnectAsync(protocol);
        await client.InitAsync();
        for (var i = 1; i <= 3; i++)
        {
            await client.SubscribeAsync($"s{i}", "subscription { events }");
        }

        await server.Events.WaitForSubscribersAsync(3);
        await client.SubscribeAsync("s4", "subscription { events }");
        var error = await client.ReceiveAsync();
        Assert.Equal("error", (string?)error["type"]);
        Assert.Equal("s4", (string?)error["id"]);
        var errors = protocol == WebSocketSubProtocols.GraphQLWs ? error["payload"]!["errors"]! : error["payload"]!;
        var refusal = Assert.Single(errors.AsArray())!;
        Assert.Equal(WebSocketErrorCodes.MaxOperationsPerConnectionExceeded, (string?)refusal["extensions"]!["code"]);
        Assert.Equal(3, (int)refusal["extensions"]!["maxAllowedOperations"]!);
        Assert.Contains("3 operations", (string?)refusal["message"], StringComparison.Ordinal);

        // The three subscriptions still stream, and the refused one never started.
        Assert.Equal(3, server.Events.SubscriberCount);
        server.Events.Publish("still here");
        Assert.Equal(["s1", "s2", "s3"], await ReceiveResultIdsAsync(client, protocol, 3, "still here"));

        // Completing one makes room: the refused id may start now.
        await client.SendAsync(new JsonObject { ["type"] = StopType(protocol), ["id"] = "s1" });
        await server.Events.WaitForSubscribersAsync(2);
        await client.SubscribeAsync("s4", "subscription { events }");
        await server.Events.WaitForSubscribersAsync(3);
        server.Events.Publish("room again");
        Assert.Equal(["s2", "s3", "s4"], await ReceiveResultIdsAsync(client, protocol, 3, "room again"));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task A_client_with_many_subscriptions_that_stops_reading_is_still_closed(string protocol)
    {
        const int subscriptions = 50;
        await using var server = await StreamingTestServer.StartAsync(o =>
        {
            o.SendQueueCapacity = 8;
            o.SendQueueCapacityPerOperation = 2;
            o.CloseTimeout = TimeSpan.FromMilliseconds(500);
        });
        using var client = await server.ConnectAsync(protocol);
        await client.InitAsync();
        for (var i = 0; i < subscriptions; i++)
        {
            await client.SubscribeAsync($"s{i}", "subscription { events }");
        }

        await server.Events.WaitForSubscribersAsync(subscriptions);

        // The client reads nothing: its socket buffers fill after a few MB, then its queue of 8 + 50 × 2 messages.
        // Each event is 50 messages of 16 KB; the connection's subscriptions end once it is closed or aborted.
        var payload = new string('x', 16 * 1024);
        for (var e = 0; e < 2_000 && server.Events.SubscriberCount > 0; e++)
        {
            server.Events.Publish(payload);
            await Task.Delay(5);
        }

        await server.Events.WaitForSubscribersAsync(0);
        var closed = await ReadUntilClosedAsync(client);
        Assert.True(closed is WebSocketCloseCodes.PolicyViolation or 0, $"Unexpected close {closed}");
    }

    private static string StopType(string protocol) => protocol == WebSocketSubProtocols.GraphQLWs ? "stop" : "complete";

    private static string ResultType(string protocol) => protocol == WebSocketSubProtocols.GraphQLWs ? "data" : "next";

    /// <summary>The ids of the next <paramref name="count"/> results, which must all carry <paramref name="value"/>, sorted.</summary>
    private static async Task<string[]> ReceiveResultIdsAsync(GraphQLWebSocketClient client, string protocol, int count, string value)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var message = await client.ReceiveAsync();
            Assert.Equal(ResultType(protocol), (string?)message["type"]);
            Assert.Equal(value, (string?)message["payload"]!["data"]!["events"]);
            ids.Add((string)message["id"]!);
        }

        return [.. ids.Order(StringComparer.Ordinal)];
    }

    private static async Task AssertUsableAsync(GraphQLWebSocketClient client, string protocol)
    {
        await client.SubscribeAsync("q", "{ hello }");
        var result = await client.ReceiveAsync();
        Assert.Equal("q", (string?)result["id"]);
        Assert.Equal("world", (string?)result["payload"]!["data"]!["hello"]);
    }

    /// <summary>The close code once the server closed; 0 when the connection was aborted rather than closed.</summary>
    private static Task<int> ReadUntilClosedAsync(GraphQLWebSocketClient client)
        => client.ReceiveCloseAsync(TimeSpan.FromSeconds(10));
}
