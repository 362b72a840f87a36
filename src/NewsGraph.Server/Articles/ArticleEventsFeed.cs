using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Subscriptions;
using NewsGraph.Server.Categories;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Articles;

/// <summary>
/// Turns the bus's article events into loaded articles for this instance's GraphQL subscribers. The bus delivers an
/// event once per instance; the feed loads the article once — with author, category and tags — and hands that one
/// object to every subscriber, so 1,000 subscribers cost one database read per event, not 1,000. Publications are
/// loaded through the reader filter, so a draft named by a publication event is dropped here. Updates are loaded
/// whatever the status (editors follow their drafts); <see cref="SubscribeUpdatedAsync"/> therefore hands each
/// subscriber only what it may see.
/// </summary>
public sealed partial class ArticleEventsFeed : IAsyncDisposable
{
    private const string PublishedLocalTopic = "published";
    private const string UpdatedLocalTopic = "updated";
    private static readonly TimeSpan ResubscribeDelay = TimeSpan.FromSeconds(1);

    private readonly ITopicEventReceiver _events;
    private readonly IDbContextFactory<NewsDbContext> _databases;
    private readonly CategoryHierarchy _categories;
    private readonly ILogger<ArticleEventsFeed> _logger;
    // Loaded articles go to subscribers through a hub of their own: the same bounded per-subscriber buffers as the
    // bus, but in-process only, whatever the bus is.
    private readonly TopicEventHub _loaded;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task> _published;
    private readonly Lazy<Task> _updated;

    public ArticleEventsFeed(
        ITopicEventReceiver events,
        IDbContextFactory<NewsDbContext> databases,
        CategoryHierarchy categories,
        TopicEventBusOptions hubOptions,
        ILogger<ArticleEventsFeed> logger)
    {
        _events = events;
        _databases = databases;
        _categories = categories;
        _logger = logger;
        _loaded = new TopicEventHub(hubOptions);
        _published = new Lazy<Task>(() => StartAsync<ArticlePublished>(ArticleEvents.PublishedTopic, PublishedLocalTopic, e => e.ArticleId, includeUnpublished: false));
        _updated = new Lazy<Task>(() => StartAsync<ArticleUpdated>(ArticleEvents.UpdatedTopic, UpdatedLocalTopic, e => e.ArticleId, includeUnpublished: true));
    }

    /// <summary>Published articles from now on.</summary>
    public async Task<ITopicSubscription<Article>> SubscribePublishedAsync(CancellationToken cancellationToken)
    {
        await _published.Value.WaitAsync(cancellationToken);
        return _loaded.Subscribe<Article>(PublishedLocalTopic);
    }

    /// <summary>
    /// Changed articles from now on: published ones only, unless <paramref name="includeUnpublished"/> (an editor).
    /// The filter sits here, in the one place that hands out update streams, so no caller can forget it.
    /// </summary>
    public async Task<ITopicSubscription<Article>> SubscribeUpdatedAsync(bool includeUnpublished, CancellationToken cancellationToken)
    {
        await _updated.Value.WaitAsync(cancellationToken);
        var stream = _loaded.Subscribe<Article>(UpdatedLocalTopic);
        return includeUnpublished ? stream : stream.Where(a => a.Status == ArticleStatus.Published);
    }

    /// <summary>
    /// How many subscriptions of this instance receive publications now (<c>onArticlePublished</c>,
    /// <c>onBreakingNews</c>): a subscription counts from the moment it misses no further event. For diagnostics and
    /// health reporting; tests wait on it instead of sleeping.
    /// </summary>
    public int PublishedSubscriberCount => _loaded.CountSubscribers(PublishedLocalTopic);

    /// <summary>How many subscriptions of this instance receive updates now (<c>onArticleUpdated</c>); see <see cref="PublishedSubscriberCount"/>.</summary>
    public int UpdatedSubscriberCount => _loaded.CountSubscribers(UpdatedLocalTopic);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
    }

    /// <summary>Subscribes to the bus topic (so that no event after the first subscriber is missed), then pumps.</summary>
    private async Task StartAsync<TEvent>(string busTopic, string localTopic, Func<TEvent, int> articleId, bool includeUnpublished)
    {
        var subscription = await _events.SubscribeAsync<TEvent>(busTopic, _stopping.Token);
        _ = Task.Run(() => PumpAsync(subscription, busTopic, localTopic, articleId, includeUnpublished));
    }

    private async Task PumpAsync<TEvent>(
        ITopicSubscription<TEvent> subscription, string busTopic, string localTopic, Func<TEvent, int> articleId, bool includeUnpublished)
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using (subscription)
                {
                    await foreach (var message in subscription.ReadEventsAsync(stopping))
                    {
                        await DeliverAsync(articleId(message), localTopic, includeUnpublished, stopping);
                    }
                }

                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The feed must outlive any single failure (a dropped bus subscription, a database hiccup).
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFeedFailed(_logger, ex, busTopic);
            }

            await Task.Delay(ResubscribeDelay, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            try
            {
                subscription = await _events.SubscribeAsync<TEvent>(busTopic, stopping);
            }
#pragma warning disable CA1031 // Retried at the next round.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFeedFailed(_logger, ex, busTopic);
            }
        }
    }

    private async Task DeliverAsync(int articleId, string localTopic, bool includeUnpublished, CancellationToken cancellationToken)
    {
        if (!_loaded.HasSubscribers(localTopic))
        {
            return; // nobody here listens: no database read
        }

        Article? article;
        try
        {
            article = await LoadAsync(articleId, includeUnpublished, cancellationToken);
            if (article is not null)
            {
                // Subscribers filtering by category match the article against the tree in memory: make it know
                // the article's category (a new one reloads it) before they do.
                await _categories.EnsureCurrentAsync(article.CategoryId, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One event that cannot be loaded must not end the feed for every subscriber.
            LogLoadFailed(_logger, ex, articleId);
            return;
        }

        if (article is not null)
        {
            _loaded.Publish(localTopic, article);
        }
    }

    /// <summary>The article with everything a subscription selection usually needs, in one SQL command.</summary>
    private async Task<Article?> LoadAsync(int articleId, bool includeUnpublished, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        if (includeUnpublished)
        {
            db.WithUnpublished();
        }

        return await db.Articles
            .Include(a => a.Author)
            .Include(a => a.Category)
            .Include(a => a.Tags.OrderBy(t => t.Name))
            .AsSingleQuery()
            .FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "The article feed of topic {Topic} failed; subscribing again.")]
    private static partial void LogFeedFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Loading article {ArticleId} for its subscribers failed; the event is skipped.")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception, int articleId);
}
