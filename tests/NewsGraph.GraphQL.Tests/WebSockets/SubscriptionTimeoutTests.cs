using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Security;
using NewsGraph.GraphQL.WebSockets;

namespace NewsGraph.GraphQL.Tests.WebSockets;

/// <summary>The execution timeout bounds setting up a subscription, never how long its stream lives.</summary>
public sealed class SubscriptionTimeoutTests
{
    [Fact]
    public async Task A_subscription_outlives_the_execution_timeout()
    {
        var timeout = TimeSpan.FromMilliseconds(300);
        await using var server = await StreamingTestServer.StartAsync(configureServices: s =>
            s.AddGraphQLLimits(new GraphQLLimitsOptions { ExecutionTimeout = timeout }, allowIntrospection: true));
        using var client = await server.ConnectAsync(WebSocketSubProtocols.GraphQLTransportWs);
        await client.InitAsync();
        await client.SubscribeAsync("s", "subscription { events }");
        await server.Events.WaitForSubscribersAsync(1);

        await Task.Delay(timeout * 4);
        server.Events.Publish("still here");
        var next = await client.ReceiveAsync();
        Assert.Equal("next", (string?)next["type"]);
        Assert.Equal("still here", (string?)next["payload"]!["data"]!["events"]);
        Assert.Null(next["payload"]!["errors"]);
        Assert.Equal(1, server.Events.SubscriberCount);
    }
}
