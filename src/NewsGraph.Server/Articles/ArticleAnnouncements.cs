using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsGraph.GraphQL.Outbox;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Articles;

/// <summary>
/// The unit of work announces the article changes it saves, so no writer can forget to: when a SaveChanges of a
/// <see cref="NewsDbContext"/> is about to write an article that becomes published, it adds an
/// <see cref="ArticlePublished"/> to the event outbox; an article that was and stays published, an
/// <see cref="ArticleUpdated"/>. The messages are rows of that same SaveChanges (<see cref="TopicEventOutbox"/>), so
/// they commit with the change or not at all; once it has committed the dispatcher is woken to send them at once.
/// Nothing else is announced: new articles are drafts, and unpublishing, archiving and deleting tell readers nothing.
/// </summary>
public sealed class ArticleAnnouncements(TopicEventOutbox outbox) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Announce(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Announce(eventData.Context);
        return ValueTask.FromResult(result);
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

    private void Announce(DbContext? context)
    {
        if (context is not NewsDbContext db)
        {
            return;
        }

        // A list first: enqueueing adds entities to the change tracker being read.
        var published = db.ChangeTracker.Entries<Article>()
            .Where(entry => entry.State == EntityState.Modified && entry.Entity.Status == ArticleStatus.Published)
            .ToList();
        foreach (var entry in published)
        {
            var article = entry.Entity;
            // The change's time is the article's: the workflow stamps UpdatedAt with it.
            if (entry.Property(a => a.Status).OriginalValue == ArticleStatus.Published)
            {
                outbox.Enqueue(db, ArticleEvents.UpdatedTopic, new ArticleUpdated(article.Id, article.IsBreaking, article.UpdatedAt));
            }
            else
            {
                outbox.Enqueue(db, ArticleEvents.PublishedTopic, new ArticlePublished(article.Id, article.IsBreaking, article.UpdatedAt));
            }
        }
    }

    private void WakeDispatcher(DbContext? context)
    {
        // After a successful save every outbox message the context tracks has just been written.
        if (context is NewsDbContext db && db.ChangeTracker.Entries<OutboxMessage>().Any())
        {
            outbox.Notify();
        }
    }
}
