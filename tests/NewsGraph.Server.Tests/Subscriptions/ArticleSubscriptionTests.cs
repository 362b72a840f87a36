using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Subscriptions;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Subscriptions;

/// <summary>The subscription fields on the embedded (in-process) bus, executed against the real server's schema.</summary>
public sealed class ArticleSubscriptionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string ArticleSelection = "id slug title status isBreaking publishedAt author { slug name } category { slug name } tags { slug name }";

    private IServiceProvider Services => fixture.Server.Services;

    [Fact]
    public async Task A_category_includes_its_subcategories_and_the_event_resolves_the_whole_selection()
    {
        using var news = await SubscriptionProbe.StartAsync(Services, $$"""subscription { onArticlePublished(categorySlug: "news") { {{ArticleSelection}} } }""");
        var finance = await IdAsync("orsted-cuts-offshore-wind-outlook");
        var archive = await IdAsync("twitter-acquisition-completed");

        await EditorWorkflow.PublishAsync(Services, finance, isBreaking: false);
        await EditorWorkflow.PublishAsync(Services, archive, isBreaking: false);

        // Events arrive in order, so the Finance article would have come first had it passed the filter.
        var article = await news.NextArticleAsync("onArticlePublished");
        Assert.Equal(NodeId.Encode("Article", archive), (string?)article["id"]);
        Assert.Equal("PUBLISHED", (string?)article["status"]);
        Assert.Equal("archive", (string?)article["category"]!["slug"]);
        Assert.Equal("daniel-kim", (string?)article["author"]!["slug"]);
        Assert.Equal("markets", (string?)Assert.Single(article["tags"]!.AsArray())!["slug"]);
    }

    [Fact]
    public async Task The_author_filter_passes_only_that_author()
    {
        using var probe = await SubscriptionProbe.StartAsync(Services, """subscription { onArticlePublished(authorSlug: "lukas-brenner") { slug author { slug } } }""");

        await EditorWorkflow.PublishAsync(Services, await IdAsync("payments-startup-raises-series-b"), isBreaking: false);
        await EditorWorkflow.PublishAsync(Services, await IdAsync("central-bank-raises-rates-again"), isBreaking: false);

        var article = await probe.NextArticleAsync("onArticlePublished");
        Assert.Equal("central-bank-raises-rates-again", (string?)article["slug"]);
        Assert.Equal("lukas-brenner", (string?)article["author"]!["slug"]);
    }

    [Fact]
    public async Task Breaking_news_passes_only_breaking_articles()
    {
        using var probe = await SubscriptionProbe.StartAsync(Services, "subscription { onBreakingNews { slug isBreaking } }");

        await EditorWorkflow.PublishAsync(Services, await IdAsync("actor-opens-cafe-in-lisbon"), isBreaking: false);
        await EditorWorkflow.PublishAsync(Services, await IdAsync("pop-star-announces-farewell-tour"), isBreaking: true);

        var article = await probe.NextArticleAsync("onBreakingNews");
        Assert.Equal("pop-star-announces-farewell-tour", (string?)article["slug"]);
        Assert.True((bool?)article["isBreaking"]);
    }

    [Fact]
    public async Task Updates_reach_only_subscribers_of_that_article()
    {
        var target = await IdAsync("royal-couple-visit-caribbean");
        var other = await IdAsync("swiss-bank-rescue-weekend");
        using var probe = await SubscriptionProbe.StartAsync(
            Services, $$"""subscription { onArticleUpdated(id: "{{NodeId.Encode("Article", target)}}") { slug title } }""");

        await EditorWorkflow.RetitleAsync(Services, other, "Another title");
        await EditorWorkflow.RetitleAsync(Services, target, "Royal Tour: Updated");

        var article = await probe.NextArticleAsync("onArticleUpdated");
        Assert.Equal("royal-couple-visit-caribbean", (string?)article["slug"]);
        Assert.Equal("Royal Tour: Updated", (string?)article["title"]);
    }

    [Fact]
    public async Task Drafts_never_reach_subscribers()
    {
        var draft = await IdAsync("draft-budget-leak-analysis");
        var published = await IdAsync("inflation-hits-7-5-percent-in-q3");
        using var updates = await SubscriptionProbe.StartAsync(
            Services, $$"""subscription { onArticleUpdated(id: "{{NodeId.Encode("Article", draft)}}") { slug } }""");
        using var publications = await SubscriptionProbe.StartAsync(Services, "subscription { onArticlePublished { slug status } }");
        var events = Services.GetRequiredService<ITopicEventSender>();

        // A change to the draft (the workflow announces none), and update and publication events naming the draft
        // (as a misbehaving CMS could send).
        await EditorWorkflow.RetitleAsync(Services, draft, "Still a draft");
        await events.SendAsync(ArticleEvents.UpdatedTopic, new ArticleUpdated(draft, false, DateTime.UtcNow));
        await events.SendAsync(ArticleEvents.PublishedTopic, new ArticlePublished(draft, true, DateTime.UtcNow));
        await events.SendAsync(ArticleEvents.PublishedTopic, new ArticlePublished(published, false, DateTime.UtcNow));

        var article = await publications.NextArticleAsync("onArticlePublished");
        Assert.Equal("inflation-hits-7-5-percent-in-q3", (string?)article["slug"]);
        Assert.False(updates.TryPeek(out _));
    }

    [Fact]
    public async Task The_unit_of_work_announces_a_change_saved_without_the_workflow()
    {
        var id = await IdAsync("heatwave-health-warning");
        using var updates = await SubscriptionProbe.StartAsync(
            Services, $$"""subscription { onArticleUpdated(id: "{{NodeId.Encode("Article", id)}}") { title } }""");

        // What a future writer that knows nothing of events would do.
        await using (var db = await Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync())
        {
            var article = await db.Articles.AsTracking().SingleAsync(a => a.Id == id);
            article.Title = "Saved straight through EF Core";
            await db.SaveChangesAsync();
        }

        Assert.Equal("Saved straight through EF Core", (string?)(await updates.NextArticleAsync("onArticleUpdated"))["title"]);
    }

    [Fact]
    public async Task An_invalid_article_id_is_a_GraphQL_error()
    {
        var result = await SubscriptionProbe.FailAsync(Services, """subscription { onArticleUpdated(id: "nonsense") { slug } }""");
        Assert.Contains("not a valid `Article` ID", (string?)result["errors"]![0]!["message"], StringComparison.Ordinal);
    }

    private Task<int> IdAsync(string slug) => SubscriptionProbe.ArticleIdAsync(Services, slug);
}
