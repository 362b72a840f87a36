using System.Text.Json.Nodes;
using NewsGraph.Server.Tests.Mutations;
using NewsGraph.Server.Tests.Transports;

namespace NewsGraph.Server.Tests.Subscriptions;

/// <summary>
/// <c>onArticlePublished(categorySlug)</c> follows the category tree as it is when each event arrives, not as it was
/// when the client subscribed.
/// </summary>
public sealed class CategoryFilterTests
{
    private const string Query = "subscription($c: String) { onArticlePublished(categorySlug: $c) { title category { slug } } }";

    [Fact]
    public async Task A_subcategory_created_after_subscribing_is_included()
    {
        await using var editor = await EditorServer.StartAsync();
        var news = await CategoryIdAsync(editor, "news");
        using var client = await TransportClient.ConnectAsync(editor.Server.BaseAddress, "graphql-transport-ws");
        await client.SubscribeAsync("news", Query, new JsonObject { ["c"] = "news" });
        await editor.Server.WaitForPublicationSubscribersAsync(1);

        var flash = await CreateCategoryAsync(editor, "Flash desk", parentId: news);
        await editor.CreateAndPublishAsync("In a brand-new subcategory", isBreaking: false, flash);

        var received = await NextTitleAsync(client, "news");
        Assert.Equal("In a brand-new subcategory", received);
    }

    [Fact]
    public async Task A_category_that_did_not_exist_when_subscribing_is_matched_once_it_does()
    {
        await using var editor = await EditorServer.StartAsync();
        using var client = await TransportClient.ConnectAsync(editor.Server.BaseAddress, "graphql-transport-ws");
        await client.SubscribeAsync("later", Query, new JsonObject { ["c"] = "later-desk" });
        await client.SubscribeAsync("news", Query, new JsonObject { ["c"] = "news" });
        await editor.Server.WaitForPublicationSubscribersAsync(2);

        var later = await CreateCategoryAsync(editor, "Later desk", parentId: null);
        await editor.CreateAndPublishAsync("Filed under a category created later", isBreaking: false, later);

        Assert.Equal("Filed under a category created later", await NextTitleAsync(client, "later"));
    }

    [Fact]
    public async Task A_subcategory_moved_away_is_no_longer_included()
    {
        await using var editor = await EditorServer.StartAsync();
        var news = await CategoryIdAsync(editor, "news");
        var flash = await CreateCategoryAsync(editor, "Flash desk", parentId: news);
        using var client = await TransportClient.ConnectAsync(editor.Server.BaseAddress, "graphql-transport-ws");
        await client.SubscribeAsync("news", Query, new JsonObject { ["c"] = "news" });
        await editor.Server.WaitForPublicationSubscribersAsync(1);

        var moved = await editor.MutateAsync("updateCategory", "UpdateCategoryInput", new { id = flash, parentId = (string?)null }, "category { parent { id } } errors { __typename }");
        Assert.Null(moved["errors"]);
        Assert.Null(moved["category"]!["parent"]);
        await editor.CreateAndPublishAsync("No longer under news", isBreaking: false, flash);
        await editor.CreateAndPublishAsync("Still under news", isBreaking: false, news);

        Assert.Equal("Still under news", await NextTitleAsync(client, "news"));
    }

    private static async Task<string> CategoryIdAsync(EditorServer editor, string slug)
    {
        var response = await editor.Server.PostAsync($$"""{ categoryBySlug(slug: "{{slug}}") { id } }""");
        return (string)response.SuccessfulData()["categoryBySlug"]!["id"]!;
    }

    private static async Task<string> CreateCategoryAsync(EditorServer editor, string name, string? parentId)
    {
        var created = await editor.MutateAsync("createCategory", "CreateCategoryInput", new { name, parentId }, "category { id } errors { __typename }");
        Assert.Null(created["errors"]);
        return (string)created["category"]!["id"]!;
    }

    /// <summary>The title of the next article on subscription <paramref name="id"/>, skipping the other subscriptions' messages.</summary>
    private static async Task<string?> NextTitleAsync(GraphQLWebSocketClient client, string id)
    {
        while (true)
        {
            var message = await client.ReceiveAsync(TimeSpan.FromSeconds(15));
            Assert.Equal("next", (string?)message["type"]);
            Assert.Null(message["payload"]!["errors"]);
            if ((string?)message["id"] == id)
            {
                return (string?)message["payload"]!["data"]!["onArticlePublished"]!["title"];
            }
        }
    }
}
