using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Subscriptions;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Tests.Concurrency;
using Xunit.Abstractions;
using static NewsGraph.Server.Tests.Scheduling.Schedules;

namespace NewsGraph.Server.Tests.Scheduling;

/// <summary>
/// Several instances on one database (the provider under test), each with its scheduled publisher, all finding the same
/// articles due at the same instant: every article is published exactly once and announced exactly once.
/// </summary>
public sealed class ScheduledPublishingRaceTests(ITestOutputHelper output)
{
    private const int Instances = 4;
    private const int Articles = 12;

    [Fact]
    public async Task Instances_racing_on_the_same_due_articles_publish_and_announce_each_exactly_once()
    {
        var clock = Clock();
        var bus = new RecordingEventSender();
        await using var fleet = await ServerFleet.StartAsync(
            Instances,
            new Dictionary<string, string>
            {
                // The publishers' own account of the race, for the test's output; not for the console.
                ["Logging:LogLevel:NewsGraph.Server.Articles.ScheduledPublisher"] = "Debug",
                ["Logging:Console:LogLevel:NewsGraph.Server.Articles.ScheduledPublisher"] = "Warning",
            },
            services =>
            {
                Use(clock)(services);
                services.AddSingleton<ITopicEventSender>(bus);
            });

        // Every article is scheduled through another instance, all for the same instant: each instance knows of some
        // through its own doorbell and of the others through its poll; when the instant comes, all four find all due.
        var publishAt = clock.GetUtcNow().AddMinutes(10);
        var ids = new List<string>();
        for (var i = 0; i < Articles; i++)
        {
            var (id, version) = await fleet.CreateDraftAsync(i, $"Embargoed report {i}");
            var scheduled = await fleet.MutateAsync(i, "scheduleArticle", "ScheduleArticleInput",
                new { id, version, publishAt = Iso(publishAt) }, "article { status } errors { __typename }");
            Assert.True(scheduled["errors"] is null, scheduled.ToJsonString());
            ids.Add(id);
        }

        clock.Advance(TimeSpan.FromMinutes(10));
        var articleIds = ids.Select(DatabaseId).ToHashSet();
        await Wait.UntilAsync(() => bus.Deliveries.Count(d => articleIds.Contains(d.ArticleId)) >= Articles, $"{Articles} ArticlePublished events", TimeSpan.FromSeconds(60));

        // Let every instance finish its pass (and a poll after it) before counting: a second publication would show now.
        clock.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(TimeSpan.FromSeconds(1));
        foreach (var articleId in articleIds)
        {
            var events = bus.Deliveries.Where(d => d.ArticleId == articleId).ToList();
            Assert.Equal(ArticleEvents.PublishedTopic, Assert.Single(events).Topic);
        }

        foreach (var id in ids)
        {
            var article = (await fleet.EditAsync(0, "query($id: ID!) { article(id: $id) { status publishedAt } }", new { id })).SuccessfulData()["article"]!;
            Assert.Equal("PUBLISHED", (string?)article["status"]);
            Assert.Equal(Iso(publishAt), (string?)article["publishedAt"]);
        }

        // What the race looked like (not asserted: how the four passes interleave is up to the machine).
        var published = fleet.Servers.Select(s => s.Logs.Entries.Count(e => e.Message.StartsWith("Published scheduled article", StringComparison.Ordinal))).ToList();
        var leftAlone = fleet.Servers.Sum(s => s.Logs.Entries.Count(e => e.Level == LogLevel.Debug && e.Message.Contains("was left alone", StringComparison.Ordinal)));
        output.WriteLine($"Publications per instance: {string.Join(", ", published)}; attempts that found the article already published: {leftAlone}.");
        Assert.Equal(Articles, published.Sum());
    }
}
