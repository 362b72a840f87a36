using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Outbox;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Articles;

/// <summary>
/// Publishes and changes articles and tells subscribers. The announcement is written to the event outbox in the
/// same transaction as the change (<see cref="TopicEventOutbox"/>) and sent from there once it has committed: every
/// instance that reacts to it by loading the article finds the committed state, an event is never sent for a change
/// that was rolled back, and a committed change is announced even when the bus (Redis) is unreachable at that moment
/// — it goes out when the bus is back, also after a restart. The mutations write in their own unit of work (with
/// version checks and typed errors): they call <see cref="AnnouncePublished"/> or <see cref="AnnounceUpdated"/> before
/// their SaveChanges and <see cref="Committed"/> after it.
/// </summary>
public sealed class ArticlePublishing(IDbContextFactory<NewsDbContext> databases, TopicEventOutbox outbox, TimeProvider clock)
{
    /// <summary>Makes the article visible to readers (first publication keeps its date) and emits <see cref="ArticlePublished"/>.</summary>
    /// <returns>False when there is no such article.</returns>
    public async Task<bool> PublishAsync(int articleId, bool isBreaking, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            db.IncludeUnpublished = true;
            var article = await db.Articles.AsTracking().FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
            if (article is null)
            {
                return false;
            }

            article.Status = ArticleStatus.Published;
            article.PublishedAt ??= now;
            article.IsBreaking = isBreaking;
            article.UpdatedAt = now;
            AnnouncePublished(db, article, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        Committed();
        return true;
    }

    /// <summary>Applies <paramref name="change"/> to the article, saves it and emits <see cref="ArticleUpdated"/>.</summary>
    /// <returns>False when there is no such article.</returns>
    public async Task<bool> UpdateAsync(int articleId, Action<Article> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            db.IncludeUnpublished = true;
            var article = await db.Articles.AsTracking().FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
            if (article is null)
            {
                return false;
            }

            change(article);
            article.UpdatedAt = now;
            // Sent for drafts too: the feed loads only published articles, so readers never see the draft, and a
            // change that publishes or unpublishes needs no special case here.
            AnnounceUpdated(db, article, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        Committed();
        return true;
    }

    /// <summary>Adds the announcement of the article's publication to <paramref name="db"/>'s unit of work.</summary>
    public void AnnouncePublished(NewsDbContext db, Article article, DateTime occurredAt)
    {
        ArgumentNullException.ThrowIfNull(article);
        outbox.Enqueue(db, ArticleEvents.PublishedTopic, new ArticlePublished(article.Id, article.IsBreaking, occurredAt));
    }

    /// <summary>Adds the announcement of a change of the article to <paramref name="db"/>'s unit of work.</summary>
    public void AnnounceUpdated(NewsDbContext db, Article article, DateTime occurredAt)
    {
        ArgumentNullException.ThrowIfNull(article);
        outbox.Enqueue(db, ArticleEvents.UpdatedTopic, new ArticleUpdated(article.Id, article.IsBreaking, occurredAt));
    }

    /// <summary>The unit of work with announcements has committed: send them now rather than at the outbox's next poll.</summary>
    public void Committed() => outbox.Notify();
}
