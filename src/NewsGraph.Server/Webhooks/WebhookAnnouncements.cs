using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Webhooks;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Data;
using NewsGraph.Server.Site;

namespace NewsGraph.Server.Webhooks;

/// <summary>
/// The unit of work tells webhooks of the article changes it saves, so no writer can forget to (as
/// <see cref="ArticleAnnouncements"/> does for the event bus): when a SaveChanges of a <see cref="NewsDbContext"/> is
/// about to write an article that is published, updated while published, unpublished, archived or deleted, it adds one
/// <see cref="WebhookDelivery"/> per webhook that receives the event to that same SaveChanges (the fan-out happens at
/// write time), so the deliveries commit with the change or not at all; once it has committed the dispatcher is woken.
/// Each article is its deliveries' ordering key, so one article's events reach an endpoint in order.
/// </summary>
public sealed class WebhookAnnouncements(WebhookOutbox outbox, SiteLinks links, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is NewsDbContext db && Collect(db) is { Count: > 0 } events)
        {
            Enqueue(db, events, [.. db.Set<WebhookEndpoint>().AsNoTracking()]);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is NewsDbContext db && Collect(db) is { Count: > 0 } events)
        {
            // Read in the change's transaction: a webhook deleted meanwhile gets nothing (its rows would go with it).
            Enqueue(db, events, await db.Set<WebhookEndpoint>().AsNoTracking().ToListAsync(cancellationToken));
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        WakeDispatcher(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        WakeDispatcher(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static List<(WebhookEventType Type, Article Article)> Collect(NewsDbContext db)
    {
        // A save that is tried again (the article workflow's slug retry) must not keep the deliveries of the failed try.
        foreach (var stale in db.ChangeTracker.Entries<WebhookDelivery>().Where(e => e.State == EntityState.Added).ToList())
        {
            stale.State = EntityState.Detached;
        }

        var events = new List<(WebhookEventType, Article)>();
        foreach (var entry in db.ChangeTracker.Entries<Article>())
        {
            if (EventOf(entry) is { } type)
            {
                events.Add((type, entry.Entity));
            }
        }

        return events;
    }

    private static WebhookEventType? EventOf(EntityEntry<Article> entry)
    {
        if (entry.State == EntityState.Deleted)
        {
            return WebhookEventType.ArticleDeleted;
        }

        if (entry.State != EntityState.Modified)
        {
            return null;
        }

        var before = entry.Property(a => a.Status).OriginalValue;
        var now = entry.Entity.Status;
        return (before, now) switch
        {
            (ArticleStatus.Published, ArticleStatus.Published) => WebhookEventType.ArticleUpdated,
            (_, ArticleStatus.Published) => WebhookEventType.ArticlePublished,
            (not ArticleStatus.Archived, ArticleStatus.Archived) => WebhookEventType.ArticleArchived,
            (ArticleStatus.Published, _) => WebhookEventType.ArticleUnpublished,
            _ => null, // a draft edited, or any other move of an article readers never saw
        };
    }

    private void Enqueue(NewsDbContext db, List<(WebhookEventType Type, Article Article)> events, List<WebhookEndpoint> endpoints)
    {
        if (endpoints.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (type, article) in events)
        {
            var eventId = $"evt_{Guid.CreateVersion7():N}";
            var name = WebhookEventNames.Of(type);
            var payload = new WebhookPayload(eventId, name, now, new WebhookPayloadData(new WebhookArticle(
                NodeId.Encode(ArticleType.TypeName, article.Id),
                article.Slug,
                article.Title,
                article.Summary,
                links.Article(article.Slug).AbsoluteUri,
                article.Status.ToString().ToUpperInvariant(),
                article.IsBreaking,
                article.PublishedAt,
                article.UpdatedAt)));
            outbox.Enqueue(db, endpoints, eventId, name, $"{ArticleType.TypeName}:{article.Id}", payload.ToJson());
        }
    }

    private void WakeDispatcher(DbContext? context)
    {
        if (context is NewsDbContext db && db.ChangeTracker.Entries<WebhookDelivery>().Any())
        {
            outbox.Notify();
        }
    }
}
