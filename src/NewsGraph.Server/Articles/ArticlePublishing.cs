using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Subscriptions;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Articles;

/// <summary>
/// Publishes and changes articles and tells subscribers. The event is sent only after the database transaction
/// has committed, so every instance that reacts to it by loading the article finds the committed state.
/// The mutations (a later feature) call this service; until then the tests do.
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

        await events.SendAsync(ArticleEvents.PublishedTopic, new ArticlePublished(articleId, isBreaking, now), cancellationToken);
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
        await events.SendAsync(ArticleEvents.UpdatedTopic, new ArticleUpdated(articleId, isBreaking, now), cancellationToken);
        return true;
    }
}
