using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Subscriptions;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Tests.Concurrency;
using NewsGraph.Server.Tests.Mutations;
using NewsGraph.Server.Tests.TestHosting;
using NewsGraph.Server.Tests.Transports;
using static NewsGraph.Server.Tests.Scheduling.Schedules;

namespace NewsGraph.Server.Tests.Scheduling;

/// <summary>
/// scheduleArticle / unscheduleArticle and the scheduled publisher, through HTTP and a WebSocket subscriber against a
/// real server whose clock the test moves (FakeTimeProvider): a scheduled article is invisible to readers everywhere
/// until its time, then published exactly as publishArticle would (the same event, the search index); bad schedules
/// change nothing.
/// </summary>
public sealed class ScheduledPublishingTests
{
    private const string ReaderView = """
        query($id: ID!, $slug: String!, $word: String!) {
          article(id: $id) { id }
          articleBySlug(slug: $slug) { id }
          node(id: $id) { id }
          nodes(ids: [$id]) { id }
          articles(where: { slug: { eq: $slug } }) { totalCount }
          recentArticles(first: 50) { nodes { id } }
          searchArticles(query: $word) { totalCount }
        }
        """;

    [Fact]
    public async Task A_scheduled_article_is_hidden_from_readers_until_its_time_then_published_once_with_the_ArticlePublished_event()
    {
        var clock = Clock();
        await using var editor = await EditorServer.StartAsync(configureServices: Use(clock));
        var (id, version, slug) = await CreateDraftAsync(editor, "Vorlandia votes at dawn", "The polls open in Vorlandia at six.");
        using var reader = await TransportClient.ConnectAsync(editor.Server.BaseAddress, "graphql-transport-ws");
        await reader.SubscribeAsync("p", "subscription { onArticlePublished { id status publishedAt scheduledFor } }");
        await editor.Server.WaitForPublicationSubscribersAsync(1);

        var publishAt = clock.GetUtcNow().AddHours(1);
        var scheduled = await ScheduleAsync(editor, id, version, Iso(publishAt));
        AssertSucceeded(scheduled);
        Assert.Equal("SCHEDULED", (string?)scheduled["article"]!["status"]);
        Assert.Equal(Iso(publishAt), (string?)scheduled["article"]!["scheduledFor"]);
        Assert.Null(scheduled["article"]!["publishedAt"]);

        // Readers: nothing, anywhere. Editors: the article, also through a status filter and in search.
        await AssertHiddenFromReadersAsync(editor, id, slug);
        var editorLists = (await editor.EditAsync(
            "query($word: String!) { articles(where: { status: { eq: SCHEDULED } }) { nodes { id } } searchArticles(query: $word, where: { status: { eq: SCHEDULED } }) { totalCount } }",
            new { word = "vorlandia" })).SuccessfulData();
        Assert.Contains(id, editorLists["articles"]!["nodes"]!.AsArray().Select(n => (string?)n!["id"]));
        Assert.Equal(1, (int)editorLists["searchArticles"]!["totalCount"]!);

        // A minute early: still scheduled, nothing announced.
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.True(await reader.IsQuietAsync(TimeSpan.FromMilliseconds(500)));
        Assert.Equal("SCHEDULED", (string?)(await EditorViewAsync(editor, id))["status"]);
        await AssertHiddenFromReadersAsync(editor, id, slug);

        // Its time: published by the server, announced once, dated when it went live.
        clock.Advance(TimeSpan.FromMinutes(1));
        var announced = (await reader.ReceiveResultAsync("p", TimeSpan.FromSeconds(30)))["data"]!["onArticlePublished"]!;
        Assert.Equal(id, (string?)announced["id"]);
        Assert.Equal("PUBLISHED", (string?)announced["status"]);
        Assert.Equal(Iso(publishAt), (string?)announced["publishedAt"]);
        Assert.Null(announced["scheduledFor"]);

        var seen = (await editor.Server.PostAsync(ReaderView, new { id, slug, word = "vorlandia" })).SuccessfulData();
        Assert.Equal(id, (string?)seen["articleBySlug"]!["id"]);
        Assert.Equal(id, (string?)seen["node"]!["id"]);
        Assert.Equal(1, (int)seen["articles"]!["totalCount"]!);
        Assert.Equal(1, (int)seen["searchArticles"]!["totalCount"]!);

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await reader.IsQuietAsync(TimeSpan.FromSeconds(1)), "A second ArticlePublished for one scheduled publication.");
    }

    [Fact]
    public async Task A_publishAt_that_is_past_now_or_beyond_the_lead_time_is_a_ValidationError_and_changes_nothing()
    {
        var clock = Clock();
        await using var editor = await EditorServer.StartAsync(configureServices: Use(clock));
        var (id, version, _) = await CreateDraftAsync(editor, "Not yet, not then");
        var now = clock.GetUtcNow();

        foreach (var publishAt in new[] { now.AddMinutes(-1), now, now.AddDays(366), now.AddHours(-1).ToOffset(TimeSpan.FromHours(2)) })
        {
            var refused = await ScheduleAsync(editor, id, version, publishAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("ValidationError", ErrorType(refused));
            Assert.Equal("publishAt", (string?)refused["errors"]![0]!["field"]);
            Assert.Null(refused["article"]);
        }

        var unchanged = await EditorViewAsync(editor, id);
        Assert.Equal("DRAFT", (string?)unchanged["status"]);
        Assert.Equal(version, (int)unchanged["version"]!);
        Assert.Null(unchanged["scheduledFor"]);

        // An offset other than Z means the same instant: an hour ahead written in UTC+02:00 is accepted as such.
        var ahead = now.AddHours(1);
        var accepted = await ScheduleAsync(editor, id, version, ahead.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture));
        AssertSucceeded(accepted);
        Assert.Equal(Iso(ahead), (string?)accepted["article"]!["scheduledFor"]);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_only_drafts_and_scheduled_articles_can_be_scheduled()
    {
        var clock = Clock();
        await using var editor = await EditorServer.StartAsync(configureServices: Use(clock));
        var (id, version, _) = await CreateDraftAsync(editor, "Contested schedule");
        var publishAt = Iso(clock.GetUtcNow().AddHours(2));

        var scheduled = await ScheduleAsync(editor, id, version, publishAt);
        AssertSucceeded(scheduled);
        var stale = await ScheduleAsync(editor, id, version, Iso(clock.GetUtcNow().AddHours(3)));
        Assert.Equal("ConcurrencyConflictError", ErrorType(stale));
        Assert.Equal(version + 1, (int)stale["errors"]![0]!["currentVersion"]!);
        Assert.Equal(publishAt, (string?)(await EditorViewAsync(editor, id))["scheduledFor"]);

        // Published and archived articles cannot be scheduled: InvalidStatusError, nothing changes.
        var published = await editor.MutateAsync("publishArticle", "PublishArticleInput",
            new { id, version = version + 1 }, $"article {{ {ArticleFields} }} errors {{ __typename }}");
        AssertSucceeded(published);
        Assert.Null(published["article"]!["scheduledFor"]);
        var current = (int)published["article"]!["version"]!;
        var refused = await ScheduleAsync(editor, id, current, publishAt);
        Assert.Equal("InvalidStatusError", ErrorType(refused));
        Assert.Equal("PUBLISHED", (string?)refused["errors"]![0]!["status"]);

        var archived = await editor.MutateAsync("archiveArticle", "ArchiveArticleInput", new { id, version = current }, "article { version } errors { __typename }");
        AssertSucceeded(archived);
        var refusedArchived = await ScheduleAsync(editor, id, (int)archived["article"]!["version"]!, publishAt);
        Assert.Equal("ARCHIVED", (string?)refusedArchived["errors"]![0]!["status"]);
        Assert.Equal("ARCHIVED", (string?)(await EditorViewAsync(editor, id))["status"]);
    }

    [Fact]
    public async Task Unscheduling_returns_the_article_to_draft_and_rescheduling_moves_its_time()
    {
        var clock = Clock();
        await using var editor = await EditorServer.StartAsync(configureServices: Use(clock));
        using var reader = await TransportClient.ConnectAsync(editor.Server.BaseAddress, "graphql-transport-ws");
        await reader.SubscribeAsync("p", "subscription { onArticlePublished { id } }");
        await editor.Server.WaitForPublicationSubscribersAsync(1);

        var (id, version, _) = await CreateDraftAsync(editor, "Held back");
        var scheduled = await ScheduleAsync(editor, id, version, Iso(clock.GetUtcNow().AddMinutes(10)));
        AssertSucceeded(scheduled);
        var unscheduled = await UnscheduleAsync(editor, id, (int)scheduled["article"]!["version"]!);
        AssertSucceeded(unscheduled);
        Assert.Equal("DRAFT", (string?)unscheduled["article"]!["status"]);
        Assert.Null(unscheduled["article"]!["scheduledFor"]);

        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.True(await reader.IsQuietAsync(TimeSpan.FromMilliseconds(500)));
        Assert.Equal("DRAFT", (string?)(await EditorViewAsync(editor, id))["status"]);

        // A draft has no schedule to take back.
        var draftVersion = (int)unscheduled["article"]!["version"]!;
        var refused = await UnscheduleAsync(editor, id, draftVersion);
        Assert.Equal("InvalidStatusError", ErrorType(refused));
        Assert.Equal("DRAFT", (string?)refused["errors"]![0]!["status"]);

        // Rescheduling: the later time holds, the earlier one publishes nothing.
        var first = await ScheduleAsync(editor, id, draftVersion, Iso(clock.GetUtcNow().AddMinutes(10)));
        var later = clock.GetUtcNow().AddMinutes(30);
        var moved = await ScheduleAsync(editor, id, (int)first["article"]!["version"]!, Iso(later), isBreaking: true);
        AssertSucceeded(moved);
        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.True(await reader.IsQuietAsync(TimeSpan.FromMilliseconds(500)));
        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(id, (string?)(await reader.ReceiveResultAsync("p", TimeSpan.FromSeconds(30)))["data"]!["onArticlePublished"]!["id"]);
        var published = await EditorViewAsync(editor, id);
        Assert.Equal("PUBLISHED", (string?)published["status"]);
        Assert.True((bool)published["isBreaking"]!);
        Assert.Equal(Iso(later), (string?)published["publishedAt"]);
    }

    [Fact]
    public async Task An_instance_started_after_publishAt_passed_publishes_the_overdue_article_at_start()
    {
        var clock = Clock();
        await using var database = await NewsTestDatabase.CreateAsync();
        string id;
        await using (var first = await EditorServer.StartAsync(configureServices: Use(clock), database: database))
        {
            var draft = await CreateDraftAsync(first, "Due while the servers were down");
            id = draft.Id;
            AssertSucceeded(await ScheduleAsync(first, id, draft.Version, Iso(clock.GetUtcNow().AddMinutes(1))));
        }

        // No instance runs at publishAt; one starts ten minutes later and publishes it without waiting for anything.
        clock.Advance(TimeSpan.FromMinutes(10));
        var startedAt = clock.GetUtcNow();
        var bus = new RecordingEventSender();
        await using var second = await EditorServer.StartAsync(
            configureServices: services => { Use(clock)(services); services.AddSingleton<ITopicEventSender>(bus); },
            database: database);
        var articleId = DatabaseId(id);
        await Wait.UntilAsync(() => bus.Deliveries.Any(d => d.ArticleId == articleId), "the overdue article's ArticlePublished", TimeSpan.FromSeconds(30));

        var published = await EditorViewAsync(second, id);
        Assert.Equal("PUBLISHED", (string?)published["status"]);
        Assert.Equal(Iso(startedAt), (string?)published["publishedAt"]);
        Assert.Equal(ArticleEvents.PublishedTopic, Assert.Single(bus.Deliveries, d => d.ArticleId == articleId).Topic);
    }

    private static async Task AssertHiddenFromReadersAsync(EditorServer editor, string id, string slug)
    {
        var view = (await editor.Server.PostAsync(ReaderView, new { id, slug, word = "vorlandia" })).SuccessfulData();
        Assert.Null(view["article"]);
        Assert.Null(view["articleBySlug"]);
        Assert.Null(view["node"]);
        Assert.Null(Assert.Single(view["nodes"]!.AsArray()));
        Assert.Equal(0, (int)view["articles"]!["totalCount"]!);
        Assert.DoesNotContain(id, view["recentArticles"]!["nodes"]!.AsArray().Select(n => (string?)n!["id"]));
        Assert.Equal(0, (int)view["searchArticles"]!["totalCount"]!);
    }
}
