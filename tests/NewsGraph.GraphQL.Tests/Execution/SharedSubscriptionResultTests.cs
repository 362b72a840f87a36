using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using NewsGraph.GraphQL.Tests.WebSockets;

namespace NewsGraph.GraphQL.Tests.Execution;

/// <summary>
/// SharedResultSubscriptionExecutionStrategy: subscribers of the same request (document, variables, user) share one
/// execution of the selection set per event, get the same payload bytes and still only their own ids.
/// </summary>
public sealed class SharedSubscriptionResultTests
{
    private const string Query = "subscription ($prefix: String) { items { name(prefix: $prefix) viewer } }";

    [Fact]
    public async Task Hundred_subscribers_of_one_query_cost_one_execution_per_event_and_each_gets_its_own_id()
    {
        await using var server = await SharedResultTestServer.StartAsync();
        var clients = new List<GraphQLWebSocketClient>();
        try
        {
            for (var i = 0; i < 100; i++)
            {
                var client = await server.ConnectAsync();
                clients.Add(client);
                await client.InitAsync();
                await client.SubscribeAsync($"sub-{i}", Query);
            }

            // A second operation of the same request on one connection shares too, under its own id.
            await clients[0].SubscribeAsync("extra", Query);
            await server.Events.WaitForSubscribersAsync(101);

            for (var e = 0; e < 3; e++)
            {
                server.Events.Publish(new ItemEvent($"event-{e}"));
            }

            var payloadsPerEvent = new[] { new HashSet<string>(), new HashSet<string>(), new HashSet<string>() };
            for (var i = 0; i < clients.Count; i++)
            {
                string[] ids = i == 0 ? ["sub-0", "extra"] : [$"sub-{i}"];
                var messages = await ReceiveNextsAsync(clients[i], 3 * ids.Length);
                foreach (var id in ids)
                {
                    // Exactly once each, in publication order, under this operation's id only.
                    var mine = messages.Where(m => m.Id == id).ToList();
                    Assert.Equal(["event-0", "event-1", "event-2"], mine.Select(m => m.Name));
                    for (var e = 0; e < 3; e++)
                    {
                        payloadsPerEvent[e].Add(mine[e].Payload);
                    }
                }

                Assert.All(messages, m => Assert.Contains(m.Id, ids));
            }

            // One execution of the selection per event for 101 subscribers, and one payload (byte for byte) per event.
            Assert.Equal(3, server.Calls.Name);
            Assert.All(payloadsPerEvent, set => Assert.Single(set));
        }
        finally
        {
            DisposeAll(clients);
        }
    }

    [Fact]
    public async Task Different_variables_get_separate_results()
    {
        await using var server = await SharedResultTestServer.StartAsync();
        var clients = new List<GraphQLWebSocketClient>();
        try
        {
            for (var i = 0; i < 10; i++)
            {
                var client = await server.ConnectAsync();
                clients.Add(client);
                await client.InitAsync();
                await client.SubscribeAsync("s", Query, variables: new JsonObject { ["prefix"] = i % 2 == 0 ? "a:" : "b:" });
            }

            await server.Events.WaitForSubscribersAsync(10);
            server.Events.Publish(new ItemEvent("x"));

            for (var i = 0; i < clients.Count; i++)
            {
                var message = Assert.Single(await ReceiveNextsAsync(clients[i], 1));
                Assert.Equal(i % 2 == 0 ? "a:x" : "b:x", message.Name);
            }

            // Two distinct requests: two executions, not ten and not one.
            Assert.Equal(2, server.Calls.Name);
        }
        finally
        {
            DisposeAll(clients);
        }
    }

    [Fact]
    public async Task Distinct_users_are_not_shared_and_the_same_user_is()
    {
        await using var server = await SharedResultTestServer.StartAsync();
        var clients = new List<GraphQLWebSocketClient>();
        try
        {
            JsonObject?[] users =
            [
                new JsonObject { ["user"] = "alice" },
                new JsonObject { ["user"] = "alice" },
                new JsonObject { ["user"] = "bob" },
                new JsonObject { ["user"] = "alice", ["role"] = "editor" },
                null,
                null,
            ];
            foreach (var user in users)
            {
                var client = await server.ConnectAsync();
                clients.Add(client);
                await client.InitAsync(user);
                await client.SubscribeAsync("s", Query);
            }

            await server.Events.WaitForSubscribersAsync(users.Length);
            server.Events.Publish(new ItemEvent("x"));

            for (var i = 0; i < clients.Count; i++)
            {
                var message = Assert.Single(await ReceiveNextsAsync(clients[i], 1));
                Assert.Equal((string?)users[i]?["user"], message.Viewer);
            }

            // alice (twice), bob, alice as editor, anonymous (twice): four distinct identities, four executions.
            Assert.Equal(4, server.Calls.Name);
        }
        finally
        {
            DisposeAll(clients);
        }
    }

    [Fact]
    public async Task A_new_event_object_is_executed_again_and_field_errors_reach_every_sharer()
    {
        await using var server = await SharedResultTestServer.StartAsync();
        var clients = new List<GraphQLWebSocketClient>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var client = await server.ConnectAsync();
                clients.Add(client);
                await client.InitAsync();
                await client.SubscribeAsync("s", "subscription { items { name failing } }");
            }

            await server.Events.WaitForSubscribersAsync(5);
            server.Events.Publish(new ItemEvent("same"));
            server.Events.Publish(new ItemEvent("same"));

            foreach (var client in clients)
            {
                for (var e = 0; e < 2; e++)
                {
                    var next = await client.ReceiveAsync();
                    Assert.Equal("next", (string?)next["type"]);
                    Assert.Equal("s", (string?)next["id"]);
                    Assert.Equal("same", (string?)next["payload"]!["data"]!["items"]!["name"]);
                    Assert.Equal("This field always fails.", (string?)next["payload"]!["errors"]![0]!["message"]);
                }
            }

            // Equal content, but two events (two objects): two executions.
            Assert.Equal(2, server.Calls.Name);
        }
        finally
        {
            DisposeAll(clients);
        }
    }

    [Fact]
    public async Task Server_sent_events_and_websocket_subscribers_share_one_execution()
    {
        await using var server = await SharedResultTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        var streams = new List<Stream>();
        var responses = new List<HttpResponseMessage>();
        using var ws = await server.ConnectAsync();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
                {
                    Content = new StringContent(new JsonObject { ["query"] = Query }.ToJsonString(), Encoding.UTF8, "application/json"),
                };
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
                var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                responses.Add(response);
                streams.Add(await response.Content.ReadAsStreamAsync());
            }

            await ws.InitAsync();
            await ws.SubscribeAsync("w", Query);
            await server.Events.WaitForSubscribersAsync(4);
            server.Events.Publish(new ItemEvent("x"));

            var frames = new HashSet<string>();
            foreach (var stream in streams)
            {
                frames.Add(await ReadEventAsync(stream));
            }

            var frame = Assert.Single(frames);
            Assert.StartsWith("event: next\ndata: {\"data\":{\"items\":{\"name\":\"x\"", frame, StringComparison.Ordinal);
            var wsMessage = Assert.Single(await ReceiveNextsAsync(ws, 1));
            Assert.Equal("x", wsMessage.Name);
            Assert.Equal(1, server.Calls.Name);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }

            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    private static async Task<string> ReadEventAsync(Stream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var text = new StringBuilder();
        var buffer = new byte[4096];
        while (!text.ToString().Contains("\n\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(read > 0, "The event stream ended.");
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        var all = text.ToString();
        return all[..(all.IndexOf("\n\n", StringComparison.Ordinal) + 2)];
    }

    private static async Task<List<Next>> ReceiveNextsAsync(GraphQLWebSocketClient client, int count)
    {
        var messages = new List<Next>();
        while (messages.Count < count)
        {
            var message = await client.ReceiveAsync();
            Assert.Equal("next", (string?)message["type"]);
            var item = message["payload"]!["data"]!["items"]!;
            messages.Add(new Next((string)message["id"]!, message["payload"]!.ToJsonString(), (string)item["name"]!, (string?)item["viewer"]));
        }

        return messages;
    }

    private static void DisposeAll(List<GraphQLWebSocketClient> clients)
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    private sealed record Next(string Id, string Payload, string Name, string? Viewer);
}
