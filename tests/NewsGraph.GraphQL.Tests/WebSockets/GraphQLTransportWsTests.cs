using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.WebSockets;

namespace NewsGraph.GraphQL.Tests.WebSockets;

/// <summary>The graphql-transport-ws protocol through a real socket: every message type and close code.</summary>
public sealed class GraphQLTransportWsTests
{
    private const string Protocol = WebSocketSubProtocols.GraphQLTransportWs;

    [Fact]
    public async Task Query_gives_one_next_then_complete()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var client = await server.ConnectAsync(Protocol);
        Assert.Equal(Protocol, client.SubProtocol);
        await client.InitAsync();

        await client.SubscribeAsync("q1", "{ hello }");
        var next = await client.ReceiveAsync();
        Assert.Equal("next", (string?)next["type"]);
        Assert.Equal("q1", (string?)next["id"]);
        Assert.Equal("world", (string?)next["payload"]!["data"]!["hello"]);
        var complete = await client.ReceiveAsync();
        Assert.Equal("complete", (string?)complete["type"]);
        Assert.Equal("q1", (string?)complete["id"]);
    }

    [Fact]
    public async Task Mutation_executes_once()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var client = await server.ConnectAsync(Protocol);
        await client.InitAsync();

        await client.SubscribeAsync("m1", "mutation { increment }");
        var next = await client.ReceiveAsync();
        Assert.Equal(1, (int)next["payload"]!["data"]!["increment"]!);
        Assert.Equal("complete", (string?)(await client.ReceiveAsync())["type"]);
        Assert.Equal(1, server.Services.GetRequiredService<MutationCounter>().Value);
    }

    [Fact]
    public async Task Subscription_streams_events_until_the_client_completes_it()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var client = await server.ConnectAsync(Protocol);
        await client.InitAsync();

        await client.SubscribeAsync("s1", "subscription { events }");
        await server.Events.WaitForSubscribersAsync(1);
        server.Events.Publish("first");
        server.Events.Publish("second");
        Assert.Equal("first", (string?)(await client.ReceiveAsync())["payload"]!["data"]!["events"]);
        Assert.Equal("second", (string?)(await client.ReceiveAsync())["payload"]!["data"]!["events"]);

        await client.SendAsync(new JsonObject { ["type"] = "complete", ["id"] = "s1" });
        await server.Events.WaitForSubscribersAsync(0);

        // The id may be reused once completed, and the connection still works.
        await client.SubscribeAsync("s1", "{ hello }");
        Assert.Equal("next", (string?)(await client.ReceiveAsync())["type"]);
    }

    [Fact]
    public async Task Stream_completion_and_failure_reach_the_client()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var client = await server.ConnectAsync(Protocol);
        await client.InitAsync();

        await client.SubscribeAsync("a", "subscription { events }");
        await server.Events.WaitForSubscribersAsync(1);
        server.Events.Complete();
        var complete = await client.ReceiveAsync();
        Assert.Equal("complete", (string?)complete["type"]);
        Assert.Equal("a", (string?)complete["id"]);

        // Whether a completed source still lists its observer is up to the source: count from here.
        var before = server.Events.SubscriberCount;
        await client.SubscribeAsync("b", "subscription { events }");
        await server.Events.WaitForSubscribersAsync(before + 1);
        server.Events.Fail("source broke");
        var error = await client.ReceiveAsync();
        Assert.Equal("error", (string?)error["type"]);
        Assert.Equal("b", (string?)error["id"]);
        Assert.NotEmpty(error["payload"]!.AsArray());
    }

    [Fact]
    public async Task Validation_error_is_an_error_message_without_complete()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var client = await server.ConnectAsync(Protocol);
        await client.InitAsync();

        await client.SubscribeAsync("v", "{ nope }");
        var error = await client.ReceiveAsync();
        Assert.Equal("error", (string?)error["type"]);
        Assert.Equal("v", (string?)error["id"]);
        Assert.Contains("nope", (string?)error["payload"]![0]!["message"], StringComparison.Ordinal);

        // No complete follows: the next message is the answer to the next operation.
        await client.SubscribeAsync("h", "{ hello }");
        Assert.Equal("h", (string?)(await client.ReceiveAsync())["id"]);
    }

    [Fact]
    public async Task A_failing_stream_resolver_gives_next_with_errors_then_complete()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var client = await server.ConnectAsync(Protocol);
        await client.InitAsync();

        await client.SubscribeAsync("r", "subscription { refused }");
        var next = await client.ReceiveAsync();
        Assert.Equal("next", (string?)next["type"]);
        Assert.Equal("Not allowed to subscribe.", (string?)next["payload"]!["errors"]![0]!["message"]);
        Assert.Equal("complete", (string?)(await client.ReceiveAsync())["type"]);
    }

    [Fact]
    public async Task Ping_is_answered_with_pong_even_before_init()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var client = await server.ConnectAsync(Protocol);

        await client.SendAsync(new JsonObject { ["type"] = "ping", ["payload"] = new JsonObject { ["n"] = 7 } });
        var pong = await client.ReceiveIncludingKeepAliveAsync();
        Assert.Equal("pong", (string?)pong["type"]);
        Assert.Equal(7, (int)pong["payload"]!["n"]!);

        // An unsolicited pong is a heartbeat: accepted silently.
        await client.SendAsync(new JsonObject { ["type"] = "pong" });
        await client.InitAsync();
    }

    [Fact]
    public async Task Keep_alive_pings_arrive_after_the_ack()
    {
        await using var server = await StreamingTestServer.StartAsync(o => o.KeepAliveInterval = TimeSpan.FromMilliseconds(100));
        using var client = await server.ConnectAsync(Protocol);
        await client.InitAsync();

        Assert.Equal("ping", (string?)(await client.ReceiveIncludingKeepAliveAsync(TimeSpan.FromSeconds(5)))["type"]);
        await client.SendAsync(new JsonObject { ["type"] = "pong" });
        Assert.Equal("ping", (string?)(await client.ReceiveIncludingKeepAliveAsync(TimeSpan.FromSeconds(5)))["type"]);
    }

    [Fact]
    public async Task Keep_alive_pings_are_spread_over_the_interval_not_sent_to_everyone_at_once()
    {
        // 1.6 s = 16 slices of 100 ms: 32 connections get their pings in (about) 16 different instants.
        var interval = TimeSpan.FromMilliseconds(1600);
        Assert.Equal(16, WebSocketKeepAlive.SlicesFor(interval));
        await using var server = await StreamingTestServer.StartAsync(o => o.KeepAliveInterval = interval);
        var clients = new List<GraphQLWebSocketClient>();
        try
        {
            for (var i = 0; i < 32; i++)
            {
                var client = await server.ConnectAsync(Protocol);
                await client.InitAsync();
                clients.Add(client);
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var firstPings = await Task.WhenAll(clients.Select(async client =>
            {
                Assert.Equal("ping", (string?)(await client.ReceiveIncludingKeepAliveAsync(TimeSpan.FromSeconds(10)))["type"]);
                return clock.Elapsed;
            }));

            // Every connection is pinged within an interval (plus scheduling slack)...
            Assert.All(firstPings, at => Assert.True(at < interval * 2, $"first ping after {at}"));
            // ...and not all in the same instant: the pings span most of the interval.
            var spread = firstPings.Max() - firstPings.Min();
            Assert.True(spread >= interval / 2, $"all 32 pings arrived within {spread.TotalMilliseconds} ms");
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Init_payload_reaches_the_initializer_and_executions()
    {
        await using var server = await StreamingTestServer.StartAsync(configureServices: s => s.AddSingleton<IWebSocketConnectionInitializer, RejectingConnectionInitializer>());
        using var client = await server.ConnectAsync(Protocol);
        await client.SendAsync(new JsonObject { ["type"] = "connection_init", ["payload"] = new JsonObject { ["token"] = "letmein" } });
        var ack = await client.ReceiveAsync();
        Assert.Equal("connection_ack", (string?)ack["type"]);
        Assert.Equal("editor", (string?)ack["payload"]!["welcome"]);

        await client.SubscribeAsync("u", "{ userName initValue(key: \"token\") }");
        var data = (await client.ReceiveAsync())["payload"]!["data"]!;
        Assert.Equal("editor", (string?)data["userName"]);
        Assert.Equal("letmein", (string?)data["initValue"]);
    }

    [Theory]
    [InlineData("not json", WebSocketCloseCodes.BadRequest)]
    [InlineData("[1,2]", WebSocketCloseCodes.BadRequest)]
    [InlineData("{\"type\":42}", WebSocketCloseCodes.BadRequest)]
    [InlineData("{\"type\":\"unknown\"}", WebSocketCloseCodes.BadRequest)]
    [InlineData("{\"type\":\"next\",\"id\":\"1\",\"payload\":{}}", WebSocketCloseCodes.BadRequest)]
    [InlineData("{\"type\":\"subscribe\",\"payload\":{\"query\":\"{ hello }\"}}", WebSocketCloseCodes.BadRequest)]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"\",\"payload\":{\"query\":\"{ hello }\"}}", WebSocketCloseCodes.BadRequest)]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":\"{ hello }\"}", WebSocketCloseCodes.BadRequest)]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":5}}", WebSocketCloseCodes.BadRequest)]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"{ hello }\",\"variables\":[1]}}", WebSocketCloseCodes.BadRequest)]
    [InlineData("{\"type\":\"complete\"}", WebSocketCloseCodes.BadRequest)]
    [InlineData("{\"type\":\"ping\",\"payload\":\"x\"}", WebSocketCloseCodes.BadRequest)]
    [InlineData("{\"type\":\"connection_init\"}", WebSocketCloseCodes.TooManyInitialisationRequests)]
    public async Task Protocol_violations_after_init_close_the_connection(string message, int closeCode)
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var client = await server.ConnectAsync(Protocol);
        await client.InitAsync();

        await client.SendTextAsync(message);
        Assert.Equal(closeCode, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Subscribe_before_ack_closes_4401()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var client = await server.ConnectAsync(Protocol);
        await client.SubscribeAsync("1", "{ hello }");
        Assert.Equal(WebSocketCloseCodes.Unauthorized, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Rejected_init_closes_4403_and_a_failing_initializer_4500()
    {
        await using var server = await StreamingTestServer.StartAsync(configureServices: s => s.AddSingleton<IWebSocketConnectionInitializer, RejectingConnectionInitializer>());
        using (var client = await server.ConnectAsync(Protocol))
        {
            await client.SendAsync(new JsonObject { ["type"] = "connection_init", ["payload"] = new JsonObject { ["token"] = "wrong" } });
            Assert.Equal(WebSocketCloseCodes.Forbidden, await client.ReceiveCloseAsync());
            Assert.Equal("Invalid token", client.CloseDescription);
        }

        using (var client = await server.ConnectAsync(Protocol))
        {
            await client.SendAsync(new JsonObject { ["type"] = "connection_init", ["payload"] = new JsonObject { ["token"] = "boom" } });
            Assert.Equal(WebSocketCloseCodes.InternalServerError, await client.ReceiveCloseAsync());
        }
    }

    [Fact]
    public async Task Unsupported_subprotocol_closes_4406()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var client = await server.ConnectAsync("graphql-unknown");
        Assert.Equal(WebSocketCloseCodes.SubprotocolNotAcceptable, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task No_init_within_the_timeout_closes_4408()
    {
        await using var server = await StreamingTestServer.StartAsync(o => o.ConnectionInitializationTimeout = TimeSpan.FromMilliseconds(200));
        using var client = await server.ConnectAsync(Protocol);
        Assert.Equal(WebSocketCloseCodes.ConnectionInitialisationTimeout, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Duplicate_active_id_closes_4409_and_disposes_the_subscriptions()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var client = await server.ConnectAsync(Protocol);
        await client.InitAsync();
        await client.SubscribeAsync("dup", "subscription { events }");
        await server.Events.WaitForSubscribersAsync(1);

        await client.SubscribeAsync("dup", "subscription { events }");
        Assert.Equal(WebSocketCloseCodes.SubscriberAlreadyExists, await client.ReceiveCloseAsync());
        await server.Events.WaitForSubscribersAsync(0);
    }

    [Fact]
    public async Task Oversized_message_closes_1009()
    {
        await using var server = await StreamingTestServer.StartAsync(o => o.MaxMessageSize = 1024);
        using var client = await server.ConnectAsync(Protocol);
        await client.InitAsync();
        await client.SubscribeAsync("big", "{ hello " + new string(' ', 4096) + "}");
        Assert.Equal(WebSocketCloseCodes.MessageTooBig, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Closing_the_socket_disposes_every_subscription()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var client = await server.ConnectAsync(Protocol);
        await client.InitAsync();
        await client.SubscribeAsync("1", "subscription { events }");
        await client.SubscribeAsync("2", "subscription { events }");
        await server.Events.WaitForSubscribersAsync(2);

        await client.CloseAsync();
        await server.Events.WaitForSubscribersAsync(0);
    }
}
