using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Subscriptions;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Articles;

/// <summary>
/// Publishes and changes articles and tells subscribers. The event is sent only after the database transaction
/// has committed, so every instance that reacts to it by loading the article finds the committed state.
/// The mutations write in their own unit of work (with version checks and typed errors) and then call
/// <see cref="PublishedAsync"/> or <see cref="UpdatedAsync"/> once their SaveChanges has returned: an event is never sent
/// for a change that was rolled back, and each committed change is announced once.
/// </summary>
public sealed class ArticlePublishing(IDbContextFactory<NewsDbContext> databases, ITopicEventSender events, TimeProvider clock)
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
            await db.SaveChangesAsync(cancellationToken);
        }

        await PublishedAsync(articleId, isBreaking, now, cancellationToken);
        return true;
    }

    /// <summary>Applies <paramref name="change"/> to the article, saves it and emits <see cref="ArticleUpdated"/>.</summary>
    /// <returns>False when there is no such article.</returns>
    public async Task<bool> UpdateAsync(int articleId, Action<Article> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var now = clock.GetUtcNow().UtcDateTime;
        bool isBreaking;
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
            isBreaking = article.IsBreaking;
            await db.SaveChangesAsync(cancellationToken);
        }

        // Sent for drafts too: the feed loads only published articles, so readers never see the draft, and a
        // change that publishes or unpublishes needs no special case here.
        await UpdatedAsync(articleId, isBreaking, now, cancellationToken);
        return true;
    }

    /// <summary>Announces a committed publication. Call only after the transaction that published has committed.</summary>
    public ValueTask PublishedAsync(int articleId, bool isBreaking, DateTime occurredAt, CancellationToken cancellationToken) =>
        events.SendAsync(ArticleEvents.PublishedTopic, new ArticlePublished(articleId, isBreaking, occurredAt), cancellationToken);

    /// <summary>Announces a committed change of an article. Call only after the transaction has committed.</summary>
    public ValueTask UpdatedAsync(int articleId, bool isBreaking, DateTime occurredAt, CancellationToken cancellationToken) =>
        events.SendAsync(ArticleEvents.UpdatedTopic, new ArticleUpdated(articleId, isBreaking, occurredAt), cancellationToken);
}
