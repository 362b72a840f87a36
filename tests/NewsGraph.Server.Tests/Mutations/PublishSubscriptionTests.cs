using System.Text.Json.Nodes;
using NewsGraph.Server.Tests.TestHosting;
using NewsGraph.Server.Tests.Transports;

namespace NewsGraph.Server.Tests.Mutations;

/// <summary>
/// publishArticle / updateArticle → bus → WebSocket subscriber, end to end over HTTP and graphql-transport-ws, on
/// the embedded bus and on a real Redis; a rejected change announces nothing.
/// </summary>
public sealed class PublishSubscriptionTests
{
    [Fact]
    public async Task Publishing_reaches_a_websocket_subscriber_on_the_embedded_bus() => await PublishAndReceiveAsync([]);

    [Fact]
    public async Task Publishing_reaches_a_websocket_subscriber_through_redis()
    {
        await using var redis = await RedisServer.StartAsync();
        await PublishAndReceiveAsync(new Dictionary<string, string> { ["Redis:Configuration"] = redis.Configuration });
    }

    [Fact]
    public async Task Updates_of_a_published_article_are_announced_once_and_rejected_changes_never()
    {
        await using var editor = await EditorServer.StartAsync();
        var article = await editor.CreateAndPublishAsync("Update me", isBreaking: false);
        var id = (string)article["id"]!;
        var version = (int)article["version"]!;

        using var client = await TransportClient.ConnectAsync(editor.Server.BaseAddress, "graphql-transport-ws");
        await client.SubscribeAsync("u", "subscription($id: ID!) { onArticleUpdated(id: $id) { title } }", new JsonObject { ["id"] = id });

        // The subscription registers asynchronously: retitle until the first announcement arrives.
        JsonObject? received = null;
        for (var attempt = 0; attempt < 30 && received is null; attempt++)
        {
            var updated = await editor.MutateAsync("updateArticle", "UpdateArticleInput", new { id, version, title = $"Updated {attempt}" }, "article { version }");
            version = (int)updated["article"]!["version"]!;
            received = await TryReceiveAsync(client);
        }

        Assert.NotNull(received);
        for (var i = 0; i < 20 && !await client.IsQuietAsync(TimeSpan.FromMilliseconds(300)); i++)
        {
        }

        // A stale version and an invalid title are rejected: nothing is committed, so nothing is announced.
        var stale = await editor.MutateAsync("updateArticle", "UpdateArticleInput", new { id, version = version - 1, title = "Stale" }, "errors { __typename }");
        Assert.Equal("ConcurrencyConflictError", (string?)stale["errors"]![0]!["__typename"]);
        var invalid = await editor.MutateAsync("updateArticle", "UpdateArticleInput", new { id, version, title = new string('x', 301) }, "errors { __typename }");
        Assert.Equal("ValidationError", (string?)invalid["errors"]![0]!["__typename"]);
        Assert.True(await client.IsQuietAsync(TimeSpan.FromSeconds(1)));

        // One committed change, one announcement.
        await editor.MutateAsync("updateArticle", "UpdateArticleInput", new { id, version, title = "Final title" }, "article { version }");
        var final = await client.ReceiveResultAsync("u");
        Assert.Equal("Final title", (string?)final["data"]!["onArticleUpdated"]!["title"]);
        Assert.True(await client.IsQuietAsync(TimeSpan.FromSeconds(1)));
    }

    private static async Task PublishAndReceiveAsync(Dictionary<string, string> settings)
    {
        await using var editor = await EditorServer.StartAsync(settings);
        using var client = await TransportClient.ConnectAsync(editor.Server.BaseAddress, "graphql-transport-ws");
        await client.SubscribeAsync("b", "subscription { onBreakingNews { id title status bodyHtml author { name } } }");

        // The subscription registers asynchronously: publish fresh drafts until one arrives.
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var title = $"Breaking {attempt}";
            var article = await editor.CreateAndPublishAsync(title, isBreaking: true);
            if (await TryReceiveAsync(client) is { } received)
            {
                var published = received["data"]!["onBreakingNews"]!;
                Assert.Equal("PUBLISHED", (string?)published["status"]);
                Assert.StartsWith("Breaking ", (string?)published["title"], StringComparison.Ordinal);
                Assert.Contains("<em>now</em>", (string?)published["bodyHtml"], StringComparison.Ordinal);
                Assert.NotNull((string?)article["id"]);
                return;
            }
        }

        Assert.Fail("No publication arrived.");
    }

    private static async Task<JsonObject?> TryReceiveAsync(GraphQLWebSocketClient client)
    {
        try
        {
            var message = await client.ReceiveSkippingKeepAliveAsync(TimeSpan.FromMilliseconds(400));
            Assert.Null(message["payload"]!["errors"]);
            return message["payload"]!.AsObject();
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
