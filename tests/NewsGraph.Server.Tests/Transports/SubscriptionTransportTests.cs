using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Tests.EndToEnd;
using NewsGraph.Server.Tests.Subscriptions;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Transports;

/// <summary>
/// The news subscriptions through every transport against the real server: both WebSocket sub-protocols, SSE and the
/// npm graphql-ws client; publications go through the article workflow, as the mutations do.
/// </summary>
public sealed class SubscriptionTransportTests
{
    private const string Selection = "id title isBreaking author { name slug } category { slug } tags { slug }";

    public static TheoryData<string> Protocols => new() { "graphql-transport-ws", "graphql-ws" };

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task OnArticlePublished_filters_by_category_with_subcategories(string protocol)
    {
        await using var server = await NewsGraphServer.StartAsync();
        var articles = await ArticlesAsync(server);
        var inSubcategory = articles.First(a => a.ParentCategorySlug is not null);
        var elsewhere = articles.First(a => a.CategorySlug != inSubcategory.CategorySlug && a.ParentCategorySlug != inSubcategory.ParentCategorySlug
            && a.CategorySlug != inSubcategory.ParentCategorySlug);

        using var client = await TransportClient.ConnectAsync(server.BaseAddress, protocol);
        await client.SubscribeAsync("c", $"subscription($c: String) {{ onArticlePublished(categorySlug: $c) {{ {Selection} }} }}",
            new JsonObject { ["c"] = inSubcategory.ParentCategorySlug });
        var received = await PublishAndReceiveAsync(server, client, "c", elsewhere, inSubcategory);
        Assert.Equal(inSubcategory.Title, (string?)received["data"]!["onArticlePublished"]!["title"]);
        Assert.Equal(inSubcategory.CategorySlug, (string?)received["data"]!["onArticlePublished"]!["category"]!["slug"]);

        // Once the server has let go of "c", a publication reaches only "all", which subscribed after it.
        await client.UnsubscribeAsync("c");
        await server.WaitForPublicationSubscribersAsync(0);
        await client.SubscribeAsync("all", $"subscription {{ onArticlePublished {{ {Selection} }} }}");
        await server.WaitForPublicationSubscribersAsync(1);
        await PublishAsync(server, inSubcategory.Id, isBreaking: false);
        Assert.Equal(inSubcategory.Title, (string?)(await client.ReceiveResultAsync("all"))["data"]!["onArticlePublished"]!["title"]);
        Assert.True(await client.IsQuietAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task OnArticlePublished_filters_by_author(string protocol)
    {
        await using var server = await NewsGraphServer.StartAsync();
        var articles = await ArticlesAsync(server);
        var target = articles[0];
        var other = articles.First(a => a.AuthorSlug != target.AuthorSlug);

        using var client = await TransportClient.ConnectAsync(server.BaseAddress, protocol);
        await client.SubscribeAsync("a", $"subscription($a: String) {{ onArticlePublished(authorSlug: $a) {{ {Selection} }} }}",
            new JsonObject { ["a"] = target.AuthorSlug });
        var received = await PublishAndReceiveAsync(server, client, "a", other, target);
        Assert.Equal(target.AuthorSlug, (string?)received["data"]!["onArticlePublished"]!["author"]!["slug"]);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task OnBreakingNews_gets_only_breaking_publications(string protocol)
    {
        await using var server = await NewsGraphServer.StartAsync();
        var articles = await ArticlesAsync(server);

        using var client = await TransportClient.ConnectAsync(server.BaseAddress, protocol);
        await client.SubscribeAsync("b", $"subscription {{ onBreakingNews {{ {Selection} }} }}");
        await server.WaitForPublicationSubscribersAsync(1);
        await PublishAsync(server, articles[1].Id, isBreaking: false);
        await PublishAsync(server, articles[0].Id, isBreaking: true);

        // The first result is the breaking one: the other publication was not for this subscription.
        var received = await client.ReceiveResultAsync("b");
        Assert.Equal(articles[0].Title, (string?)received["data"]!["onBreakingNews"]!["title"]);
        Assert.True((bool)received["data"]!["onBreakingNews"]!["isBreaking"]!);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task OnArticleUpdated_follows_one_article(string protocol)
    {
        await using var server = await NewsGraphServer.StartAsync();
        var articles = await ArticlesAsync(server);
        var target = articles[2];

        using var client = await TransportClient.ConnectAsync(server.BaseAddress, protocol);
        await client.SubscribeAsync("u", "subscription($id: ID!) { onArticleUpdated(id: $id) { id title } }", new JsonObject { ["id"] = target.GlobalId });
        await server.WaitForUpdateSubscribersAsync(1);
        await EditorWorkflow.RetitleAsync(server.Services, articles[3].Id, "Another title");
        await EditorWorkflow.RetitleAsync(server.Services, target.Id, "Updated");

        // The first result is the followed article's: the other update was not for this subscription.
        var received = await client.ReceiveResultAsync("u");
        Assert.Equal(target.GlobalId, (string?)received["data"]!["onArticleUpdated"]!["id"]);
        Assert.Equal("Updated", (string?)received["data"]!["onArticleUpdated"]!["title"]);
    }

    [Fact]
    public async Task OnArticlePublished_over_server_sent_events()
    {
        await using var server = await NewsGraphServer.StartAsync();
        var articles = await ArticlesAsync(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(new JsonObject { ["query"] = $"subscription {{ onArticlePublished {{ {Selection} }} }}" }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        await server.WaitForPublicationSubscribersAsync(1);
        await PublishAsync(server, articles[0].Id, isBreaking: false);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        string? data = null;
        for (var i = 0; i < 1000 && data is null; i++)
        {
            var line = await reader.ReadLineAsync(timeout.Token);
            Assert.NotNull(line);
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }

        Assert.Equal(articles[0].Title, (string?)JsonNode.Parse(data!)!["data"]!["onArticlePublished"]!["title"]);
    }

    [Fact]
    public async Task The_graphql_ws_npm_client_receives_a_publication()
    {
        await using var server = await NewsGraphServer.StartAsync();
        var articles = await ArticlesAsync(server);
        var article = articles[0];
        var url = $"ws://{server.BaseAddress.Authority}/graphql";
        var query = "subscription { onArticlePublished { title author { name } category { slug } tags { slug name } } }";

        var run = NodeScript.RunAsync("subscribe.mjs", ["--url", url, "--query", query, "--timeout", "20000"], TimeSpan.FromSeconds(40));
        // Node takes a while to start; a script that ended early (an error) is reported below with its output.
        await Wait.UntilAsync(
            () => run.IsCompleted || server.Services.GetRequiredService<ArticleEventsFeed>().PublishedSubscriberCount == 1,
            "the npm client's subscription", TimeSpan.FromSeconds(30));
        await PublishAsync(server, article.Id, isBreaking: false);

        var result = await run;
        Assert.True(result.ExitCode == 0, result.Output);
        var line = result.Output.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        var published = JsonNode.Parse(line["RESULT ".Length..])!["data"]!["onArticlePublished"]!;
        Assert.Equal(article.Title, (string?)published["title"]);
        Assert.Equal(article.AuthorName, (string?)published["author"]!["name"]);
        Assert.Equal(article.CategorySlug, (string?)published["category"]!["slug"]);
        Assert.Equal(article.TagSlugs, published["tags"]!.AsArray().Select(t => (string?)t!["slug"]).ToArray());
    }

    /// <summary>
    /// Once the subscription receives publications, publishes <paramref name="ignored"/> then <paramref name="expected"/>:
    /// the first result must be <paramref name="expected"/>'s, so a filter that let <paramref name="ignored"/> through fails.
    /// </summary>
    private static async Task<JsonObject> PublishAndReceiveAsync(NewsGraphServer server, GraphQLWebSocketClient client, string id, PublishedArticle ignored, PublishedArticle expected)
    {
        await server.WaitForPublicationSubscribersAsync(1);
        await PublishAsync(server, ignored.Id, isBreaking: false);
        await PublishAsync(server, expected.Id, isBreaking: false);
        var received = await client.ReceiveResultAsync(id);
        Assert.Null(received["errors"]);
        return received;
    }

    private static Task PublishAsync(NewsGraphServer server, int articleId, bool isBreaking)
        => EditorWorkflow.PublishAsync(server.Services, articleId, isBreaking);

    private static async Task<List<PublishedArticle>> ArticlesAsync(NewsGraphServer server)
    {
        var response = await server.PostAsync("{ articles(first: 50) { nodes { id title author { name slug } category { slug parent { slug } } tags { slug } } } }");
        var nodes = response.Body["data"]!["articles"]!["nodes"]!.AsArray();
        return [.. nodes.Select(n => new PublishedArticle(
            (string)n!["id"]!,
            DecodeId((string)n["id"]!),
            (string)n["title"]!,
            (string)n["author"]!["name"]!,
            (string)n["author"]!["slug"]!,
            (string)n["category"]!["slug"]!,
            (string?)n["category"]!["parent"]?["slug"],
            [.. n["tags"]!.AsArray().Select(t => (string?)t!["slug"])]))];
    }

    private static int DecodeId(string globalId)
    {
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(globalId));
        return int.Parse(text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record PublishedArticle(string GlobalId, int Id, string Title, string AuthorName, string AuthorSlug, string CategorySlug, string? ParentCategorySlug, string?[] TagSlugs);
}
