using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Outbox;
using NewsGraph.GraphQL.Subscriptions;
using NewsGraph.Server.Articles;

namespace NewsGraph.Server.Tests.Concurrency;

/// <summary>
/// The event outbox with an instance's dispatcher each: while editors on every instance publish and update articles at
/// once, one dispatcher sends at a time, every event arrives exactly once, and each article's events arrive in the
/// order they were written.
/// </summary>
public sealed class OutboxRaceTests
{
    private const int Instances = 4;
    private const int Articles = 24;
    private const int UpdatesPerArticle = 9;

    [Fact]
    public async Task Dispatchers_of_four_instances_send_every_event_once_one_at_a_time_and_in_order_per_article()
    {
        var bus = new RecordingEventSender();
        await using var fleet = await ServerFleet.StartAsync(
            Instances,
            new Dictionary<string, string>
            {
                // Small batches and a short poll: many claims, by all four dispatchers, while events are written.
                ["Outbox:BatchSize"] = "5",
                ["Outbox:PollInterval"] = "00:00:00.020",
            },
            services => services.AddSingleton<ITopicEventSender>(bus));
        var drafts = new List<(string Id, int Version)>();
        for (var i = 0; i < Articles; i++)
        {
            drafts.Add(await fleet.CreateDraftAsync(i, $"Developing story {i}"));
        }

        // Each article's editor works through it step by step, every step on the next instance; all editors at once.
        await ServerFleet.RaceAsync(Articles, async article =>
        {
            var (id, version) = drafts[article];
            var published = await fleet.MutateAsync(article, "publishArticle", "PublishArticleInput",
                new { id, version, isBreaking = false }, "article { version } errors { __typename }");
            Assert.True(published["errors"] is null, published.ToJsonString());
            version = (int)published["article"]!["version"]!;
            for (var update = 1; update <= UpdatesPerArticle; update++)
            {
                var updated = await fleet.MutateAsync(article + update, "updateArticle", "UpdateArticleInput",
                    new { id, version, summary = $"Update {update}" }, "article { version } errors { __typename }");
                Assert.True(updated["errors"] is null, updated.ToJsonString());
                version = (int)updated["article"]!["version"]!;
            }

            return version;
        });

        const int expected = Articles * (1 + UpdatesPerArticle);
        await Wait.UntilAsync(() => bus.Deliveries.Count >= expected, $"{expected} events", TimeSpan.FromSeconds(60));
        await Wait.UntilAsync(async () => await OutboxCountAsync(fleet) == 0, "an empty outbox");

        var deliveries = bus.Deliveries;
        Assert.Equal(0, bus.Overlaps);
        Assert.Equal(expected, deliveries.Count);
        Assert.Equal(expected, deliveries.Select(d => d.EventId).Distinct().Count());
        foreach (var article in deliveries.GroupBy(d => d.ArticleId))
        {
            var events = article.ToList();
            Assert.Equal(1 + UpdatesPerArticle, events.Count);
            Assert.Equal(ArticleEvents.PublishedTopic, events[0].Topic);
            Assert.All(events.Skip(1), e => Assert.Equal(ArticleEvents.UpdatedTopic, e.Topic));
            Assert.Equal(events.Select(e => e.OutboxId).Order(), events.Select(e => e.OutboxId));
        }
    }

    private static async Task<int> OutboxCountAsync(ServerFleet fleet)
    {
        await using var db = fleet.Database.CreateContext();
        return await db.Set<OutboxMessage>().CountAsync();
    }
}
