using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.WebSockets;

namespace NewsGraph.GraphQL.Tests.WebSockets;

/// <summary>The legacy subscriptions-transport-ws protocol (sub-protocol <c>graphql-ws</c>) through a real socket.</summary>
public sealed class SubscriptionsTransportWsTests
{
    private const string Protocol = WebSocketSubProtocols.GraphQLWs;

    [Fact]
    public async Task Init_is_acked_and_followed_by_ka()
    {
        await using var server = await StreamingTestServer.StartAsync(o => o.KeepAliveInterval = TimeSpan.FromMilliseconds(100));
        using var client = await server.ConnectAsync(Protocol);
        Assert.Equal(Protocol, client.SubProtocol);
        await client.InitAsync();
        Assert.Equal("ka", (string?)(await client.ReceiveIncludingKeepAliveAsync())["type"]);
        Assert.Equal("ka", (string?)(await client.ReceiveIncludingKeepAliveAsync())["type"]);
    }

    [Fact]
    public async Task Query_gives_data_then_complete()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var client = await server.ConnectAsync(Protocol);
        await client.InitAsync();

        await client.SubscribeAsync("1", "{ hello }", type: "start");
        var data = await client.ReceiveAsync();
        Assert.Equal("data", (string?)data["type"]);
        Assert.Equal("1", (string?)data["id"]);
        Assert.Equal("world", (string?)data["payload"]!["data"]!["hello"]);
        Assert.Equal("complete", (string?)(await client.ReceiveAsync())["type"]);
    }

    [Fact]
    public async Task Subscription_streams_data_until_stop()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var client = await server.ConnectAsync(Protocol);
        await client.InitAsync();

        await client.SubscribeAsync("s", "subscription { events }", type: "start");
        await server.Events.WaitForSubscribersAsync(1);
        server.Events.Publish("hello");
        var data = await client.ReceiveAsync();
        Assert.Equal("data", (string?)data["type"]);
        Assert.Equal("hello", (string?)data["payload"]!["data"]!["events"]);

        await client.SendAsync(new JsonObject { ["type"] = "stop", ["id"] = "s" });
        await server.Events.WaitForSubscribersAsync(0);
    }

    [Fact]
    public async Task Start_with_an_active_id_replaces_that_operation()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var client = await server.ConnectAsync(Protocol);
        await client.InitAsync();

        await client.SubscribeAsync("s", "subscription { first: events }", type: "start");
        await server.Events.WaitForSubscribersAsync(1);
        await client.SubscribeAsync("s", "subscription { second: events }", type: "start");

        // The second operation subscribed and the first let go: two subscriptions in all, one of them live.
        await server.Events.WaitForSubscriptionsAsync(2);
        await server.Events.WaitForSubscribersAsync(1);

        // Only the second operation answers an event, and it ends when the source does.
        server.Events.Publish("after");
        var data = await client.ReceiveAsync();
        Assert.Equal("data", (string?)data["type"]);
        Assert.Equal("s", (string?)data["id"]);
        Assert.Equal("""{"second":"after"}""", data["payload"]!["data"]!.ToJsonString());
        server.Events.Complete();
        var complete = await client.ReceiveAsync();
        Assert.Equal("complete", (string?)complete["type"]);
        Assert.Equal("s", (string?)complete["id"]);

        // A query's answer comes next: nothing else was on its way for "s".
        await client.SubscribeAsync("q", "{ hello }", type: "start");
        Assert.Equal("q", (string?)(await client.ReceiveAsync())["id"]);
    }

    [Fact]
    public async Task Validation_error_is_an_error_message()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var client = await server.ConnectAsync(Protocol);
        await client.InitAsync();

        await client.SubscribeAsync("e", "{ nope }", type: "start");
        var error = await client.ReceiveAsync();
        Assert.Equal("error", (string?)error["type"]);
        Assert.Equal("e", (string?)error["id"]);
        Assert.NotEmpty(error["payload"]!["errors"]!.AsArray());
    }

    [Fact]
    public async Task Connection_terminate_closes_normally_and_disposes_subscriptions()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var client = await server.ConnectAsync(Protocol);
        await client.InitAsync();
        await client.SubscribeAsync("s", "subscription { events }", type: "start");
        await server.Events.WaitForSubscribersAsync(1);

        await client.SendAsync(new JsonObject { ["type"] = "connection_terminate" });
        Assert.Equal(WebSocketCloseCodes.NormalClosure, await client.ReceiveCloseAsync());
        await server.Events.WaitForSubscribersAsync(0);
    }

    [Fact]
    public async Task Rejected_init_sends_connection_error_then_closes_4403()
    {
        await using var server = await StreamingTestServer.StartAsync(configureServices: s => s.AddSingleton<IWebSocketConnectionInitializer, RejectingConnectionInitializer>());
        using var client = await server.ConnectAsync(Protocol);
        await client.SendAsync(new JsonObject { ["type"] = "connection_init", ["payload"] = new JsonObject { ["token"] = "wrong" } });
        var error = await client.ReceiveAsync();
        Assert.Equal("connection_error", (string?)error["type"]);
        Assert.Equal("Invalid token", (string?)error["payload"]!["message"]);
        Assert.Equal(WebSocketCloseCodes.Forbidden, await client.ReceiveCloseAsync());
    }

    [Theory]
    [InlineData(false, "{\"type\":\"start\",\"id\":\"1\",\"payload\":{\"query\":\"{ hello }\"}}", WebSocketCloseCodes.Unauthorized)]
    [InlineData(true, "{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"{ hello }\"}}", WebSocketCloseCodes.BadRequest)]
    [InlineData(true, "{\"type\":\"start\",\"payload\":{\"query\":\"{ hello }\"}}", WebSocketCloseCodes.BadRequest)]
    [InlineData(true, "{oops", WebSocketCloseCodes.BadRequest)]
    [InlineData(true, "{\"type\":\"connection_init\"}", WebSocketCloseCodes.TooManyInitialisationRequests)]
    public async Task Protocol_violations_close_the_connection(bool init, string message, int closeCode)
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var client = await server.ConnectAsync(Protocol);
        if (init)
        {
            await client.InitAsync();
        }

        await client.SendTextAsync(message);
        Assert.Equal(closeCode, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task No_init_within_the_timeout_closes_4408()
    {
        await using var server = await StreamingTestServer.StartAsync(o => o.ConnectionInitializationTimeout = TimeSpan.FromMilliseconds(200));
        using var client = await server.ConnectAsync(Protocol);
        Assert.Equal(WebSocketCloseCodes.ConnectionInitialisationTimeout, await client.ReceiveCloseAsync());
    }
}
