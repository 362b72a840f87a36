using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.Subscriptions;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Transports;

/// <summary>
/// The attack of issue 9 against the real server with its defaults: one WebSocket asks for 500 subscriptions, then
/// three articles are published in quick succession. The connection keeps 100 of them, refuses the others with an
/// error, and a client that reads gets every publication on each of its 100 subscriptions.
/// </summary>
public sealed class ManySubscriptionsTests
{
    private const int Requested = 500;
    private const int Allowed = 100;
    private const string Subscription = "subscription { onArticlePublished { slug } }";

    public static TheoryData<string> Protocols => new() { "graphql-transport-ws", "graphql-ws" };

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Five_hundred_subscriptions_keep_100_that_get_every_one_of_3_quick_publications(string protocol)
    {
        await using var server = await NewsGraphServer.StartAsync();
        var burst = await PublishedArticlesAsync(server, 3);
        using var client = await TransportClient.ConnectAsync(server.BaseAddress, protocol);
        for (var i = 0; i < Requested; i++)
        {
            await client.SubscribeAsync($"s{i}", Subscription);
        }

        // Operations start in the order they arrive: the first 100 run, each later one gets its error.
        var refused = new List<string>();
        for (var i = 0; i < Requested - Allowed; i++)
        {
            var error = await client.ReceiveAsync();
            Assert.Equal("error", (string?)error["type"]);
            var errors = protocol == "graphql-ws" ? error["payload"]!["errors"]! : error["payload"]!;
            Assert.Equal("MAX_OPERATIONS_PER_CONNECTION_EXCEEDED", (string?)errors[0]!["extensions"]!["code"]);
            refused.Add((string)error["id"]!);
        }

        Assert.Equal(Enumerable.Range(Allowed, Requested - Allowed).Select(i => $"s{i}"), refused);

        // Exactly the 100 kept operations receive publications; the refused ones never subscribed.
        await server.WaitForPublicationSubscribersAsync(Allowed);

        // The burst: three publications, 300 messages queued for the connection in a moment.
        foreach (var article in burst)
        {
            await PublishAsync(server, article.Id);
        }

        var received = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var expectedSlugs = burst.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        var burstMessages = 0;
        for (var i = 0; i < 10_000 && burstMessages < Allowed * burst.Length; i++)
        {
            var result = await TryReceiveResultAsync(client, TimeSpan.FromSeconds(15));
            Assert.True(result is not null, $"Only {burstMessages} of {Allowed * burst.Length} results arrived.");
            Assert.Contains(result.Slug, expectedSlugs);
            burstMessages++;
            if (!received.TryGetValue(result.Id, out var slugs))
            {
                received[result.Id] = slugs = [];
            }

            slugs.Add(result.Slug);
        }

        Assert.Equal(Allowed, received.Count);
        Assert.All(received.Values, slugs => Assert.Equal(burst.Select(a => a.Slug), slugs));

        // Still open and usable: completing one subscription makes room for a query.
        await client.UnsubscribeAsync("s0");
        await client.SubscribeAsync("q", "{ articles(first: 1) { nodes { slug } } }");
        JsonObject? answer = null;
        for (var i = 0; i < 100 && answer is null; i++)
        {
            var message = await client.ReceiveAsync();
            if ((string?)message["id"] == "q")
            {
                answer = message;
            }
        }

        Assert.NotNull(answer);
        Assert.Equal(protocol == "graphql-ws" ? "data" : "next", (string?)answer["type"]);
    }

    private static async Task<ArticleRef[]> PublishedArticlesAsync(NewsGraphServer server, int count)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        return [.. (await db.Articles.OrderBy(a => a.Id).Select(a => new { a.Id, a.Slug }).Take(count).ToListAsync())
            .Select(a => new ArticleRef(a.Id, a.Slug))];
    }

    private static Task PublishAsync(NewsGraphServer server, int articleId)
        => EditorWorkflow.PublishAsync(server.Services, articleId, isBreaking: false);

    /// <summary>The next result (its operation id and the published slug); null when none arrives within <paramref name="wait"/>.</summary>
    private static async Task<ResultRef?> TryReceiveResultAsync(GraphQLWebSocketClient client, TimeSpan wait)
    {
        if (await client.TryReceiveAsync(wait) is not { } message)
        {
            return null;
        }

        Assert.True((string?)message["type"] is "next" or "data", message.ToJsonString());
        return new ResultRef((string)message["id"]!, (string)message["payload"]!["data"]!["onArticlePublished"]!["slug"]!);
    }

    private sealed record ArticleRef(int Id, string Slug);

    private sealed record ResultRef(string Id, string Slug);
}
