using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Memory;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Tests.Subscriptions;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Transports;

/// <summary>
/// Kestrel rents its connection buffers from <see cref="TrimmingMemoryPool"/>s: a fan-out burst borrows many blocks,
/// and the pools give them back once the burst is older than the retention period.
/// </summary>
public sealed class KestrelMemoryPoolTests
{
    private const int MinimumRetained = 4;

    [Fact]
    public async Task A_fan_out_burst_borrows_blocks_from_the_trimming_pool_and_an_idle_server_gives_them_back()
    {
        await using var server = await NewsGraphServer.StartAsync(
        [
            new("MemoryPool:TrimInterval", "00:00:00.100"),
            new("MemoryPool:RetentionPeriod", "00:00:00.500"),
            new("MemoryPool:MinimumRetainedBlocks", MinimumRetained.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            // No keep-alive traffic: the only demand is the fan-out.
            new("WebSockets:KeepAliveInterval", "00:00:00"),
        ]);
        var factory = server.Services.GetRequiredService<TrimmingMemoryPoolFactory>();
        Assert.Same(factory, server.Services.GetRequiredService<IMemoryPoolFactory<byte>>());

        var articles = await ArticleIdsAsync(server);
        var clients = new List<GraphQLWebSocketClient>();
        try
        {
            for (var i = 0; i < 200; i++)
            {
                var client = await TransportClient.ConnectAsync(server.BaseAddress, "graphql-transport-ws");
                await client.SubscribeAsync("s", "subscription { onArticlePublished { id title } }");
                clients.Add(client);
            }

            await server.WaitForPublicationSubscribersAsync(clients.Count);
            await PublishAndReceiveEverywhereAsync(server, articles[0], clients);
            Assert.NotEmpty(factory.Pools);
            var allocated = factory.Pools.Sum(p => p.AllocatedBlocks);
            Assert.True(allocated > factory.Pools.Count * MinimumRetained, $"the burst allocated only {allocated} blocks in {factory.Pools.Count} pools");

            // Idle (no pings, no events): after the retention period each pool is back to its minimum.
            await Wait.UntilAsync(() => factory.Pools.Sum(p => p.PooledBlocks) <= factory.Pools.Count * MinimumRetained, "the idle pools to be trimmed");
            Assert.All(factory.Pools, p => Assert.True(p.PooledBlocks <= MinimumRetained, $"{p.PooledBlocks} blocks still pooled"));

            // Trimmed pools still serve: the next event reaches everyone.
            await PublishAndReceiveEverywhereAsync(server, articles[1], clients);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Disabled_in_configuration_Kestrel_keeps_its_own_pool()
    {
        await using var server = await NewsGraphServer.StartAsync([new("MemoryPool:Enabled", "false")]);
        Assert.IsNotType<TrimmingMemoryPoolFactory>(server.Services.GetService<IMemoryPoolFactory<byte>>());
        Assert.Null(server.Services.GetService<TrimmingMemoryPoolFactory>());

        var response = await server.PostAsync("{ articles(first: 1) { nodes { title } } }");
        Assert.Null(response.Body["errors"]);
    }

    private static async Task<List<(int Id, string GlobalId)>> ArticleIdsAsync(NewsGraphServer server)
    {
        var response = await server.PostAsync("{ articles(first: 2) { nodes { id } } }");
        return [.. response.Body["data"]!["articles"]!["nodes"]!.AsArray().Select(n =>
        {
            var globalId = (string)n!["id"]!;
            var id = int.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(globalId)).Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
            return (id, globalId);
        })];
    }

    /// <summary>Publishes the article once; every client (all subscribed, see the caller) must receive it.</summary>
    private static async Task PublishAndReceiveEverywhereAsync(NewsGraphServer server, (int Id, string GlobalId) article, List<GraphQLWebSocketClient> clients)
    {
        await EditorWorkflow.PublishAsync(server.Services, article.Id, isBreaking: false);
        await Task.WhenAll(clients.Select(async client =>
        {
            var result = await client.ReceiveResultAsync("s");
            Assert.Null(result["errors"]);
            Assert.Equal(article.GlobalId, (string?)result["data"]!["onArticlePublished"]!["id"]);
        }));
    }
}
