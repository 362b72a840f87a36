using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Subscriptions;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Subscriptions;

/// <summary>One database read per event per instance, however many subscribers.</summary>
public sealed class SqlCommandsPerEventTests
{
    [Fact]
    public async Task A_thousand_subscribers_cost_one_SQL_command_per_event()
    {
        await using var server = await NewsGraphServer.StartAsync();
        var services = server.Services;
        var probes = new List<SubscriptionProbe>();
        try
        {
            for (var i = 0; i < 1_000; i++)
            {
                var query = (i % 2) == 0
                    ? "subscription { onArticlePublished { slug author { name } category { name } tags { name } } }"
                    : """subscription { onArticlePublished(authorSlug: "daniel-kim") { title author { slug } category { slug } tags { slug } } }""";
                probes.Add(await SubscriptionProbe.StartAsync(services, query));
            }

            var articleId = await SubscriptionProbe.ArticleIdAsync(services, "twitter-acquisition-completed");
            server.SqlCommands.Reset();
            // The event as any publisher sends it: what follows is this instance's work for it.
            await services.GetRequiredService<ITopicEventSender>()
                .SendAsync(ArticleEvents.PublishedTopic, new ArticlePublished(articleId, false, DateTime.UtcNow));

            foreach (var probe in probes)
            {
                var result = await probe.NextAsync();
                Assert.False(result.ContainsKey("errors"), result.ToJsonString());
            }

            var command = Assert.Single(server.SqlCommands.Commands);
            Assert.Contains("JOIN", command, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            probes.ForEach(p => p.Dispose());
        }
    }
}
