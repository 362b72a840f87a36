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

        await editor.Server.WaitForUpdateSubscribersAsync(1);
        var updated = await editor.MutateAsync("updateArticle", "UpdateArticleInput", new { id, version, title = "Updated" }, "article { version }");
        version = (int)updated["article"]!["version"]!;
        Assert.Equal("Updated", (string?)(await client.ReceiveResultAsync("u"))["data"]!["onArticleUpdated"]!["title"]);

        // A stale version and an invalid title are rejected: nothing is committed, so nothing is announced.
        var stale = await editor.MutateAsync("updateArticle", "UpdateArticleInput", new { id, version = version - 1, title = "Stale" }, "errors { __typename }");
        Assert.Equal("ConcurrencyConflictError", (string?)stale["errors"]![0]!["__typename"]);
        var invalid = await editor.MutateAsync("updateArticle", "UpdateArticleInput", new { id, version, title = new string('x', 301) }, "errors { __typename }");
        Assert.Equal("ValidationError", (string?)invalid["errors"]![0]!["__typename"]);

        // One committed change, one announcement: the next result is this change's (had a rejected change been
        // announced, its result would come first), and the one after it the next change's (not this one again).
        var final = await editor.MutateAsync("updateArticle", "UpdateArticleInput", new { id, version, title = "Final title" }, "article { version }");
        Assert.Equal("Final title", (string?)(await client.ReceiveResultAsync("u"))["data"]!["onArticleUpdated"]!["title"]);
        await editor.MutateAsync("updateArticle", "UpdateArticleInput", new { id, version = (int)final["article"]!["version"]!, title = "After the final title" }, "article { version }");
        Assert.Equal("After the final title", (string?)(await client.ReceiveResultAsync("u"))["data"]!["onArticleUpdated"]!["title"]);
    }

    private static async Task PublishAndReceiveAsync(Dictionary<string, string> settings)
    {
        await using var editor = await EditorServer.StartAsync(settings);
        using var client = await TransportClient.ConnectAsync(editor.Server.BaseAddress, "graphql-transport-ws");
        await client.SubscribeAsync("b", "subscription { onBreakingNews { id title status bodyHtml author { name } } }");

        await editor.Server.WaitForPublicationSubscribersAsync(1);
        var article = await editor.CreateAndPublishAsync("Breaking", isBreaking: true);
        var received = await client.ReceiveResultAsync("b");
        Assert.Null(received["errors"]);
        var published = received["data"]!["onBreakingNews"]!;
        Assert.Equal((string?)article["id"], (string?)published["id"]);
        Assert.Equal("PUBLISHED", (string?)published["status"]);
        Assert.Equal("Breaking", (string?)published["title"]);
        Assert.Contains("<em>now</em>", (string?)published["bodyHtml"], StringComparison.Ordinal);
    }
}
