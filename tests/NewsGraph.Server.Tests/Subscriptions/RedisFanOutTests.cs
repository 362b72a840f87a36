using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Subscriptions;

/// <summary>Two server instances on one Redis and one database, as behind a load balancer.</summary>
public sealed class RedisFanOutTests
{
    [Fact]
    public async Task A_publication_on_one_instance_reaches_subscribers_on_both()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var database = await NewsTestDatabase.CreateAsync();
        var settings = new Dictionary<string, string> { ["Redis:Configuration"] = redis.Configuration };
        await using (var a = await NewsGraphServer.StartAsync(settings, database: database))
        await using (var b = await NewsGraphServer.StartAsync(settings, database: database))
        {
            const string query = """subscription { onArticlePublished(categorySlug: "news") { slug category { slug } } }""";
            using var onA = await SubscriptionProbe.StartAsync(a.Services, query);
            using var onB = await SubscriptionProbe.StartAsync(b.Services, query);
            // In Archive, below News.
            var id = await SubscriptionProbe.ArticleIdAsync(a.Services, "twitter-acquisition-completed");

            await EditorWorkflow.PublishAsync(a.Services, id, isBreaking: true);

            Assert.Equal("twitter-acquisition-completed", (string?)(await onA.NextArticleAsync("onArticlePublished"))["slug"]);
            Assert.Equal("twitter-acquisition-completed", (string?)(await onB.NextArticleAsync("onArticlePublished"))["slug"]);
        }
    }
}
