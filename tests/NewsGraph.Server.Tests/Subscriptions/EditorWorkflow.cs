using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Tests.Subscriptions;

/// <summary>
/// Changes articles the way an editor does, through <see cref="ArticleWorkflow"/> (the one path every write takes,
/// announcements included), for tests that need an event. Each call reads the article's current version first and
/// fails the test when the workflow refuses.
/// </summary>
internal static class EditorWorkflow
{
    /// <summary>
    /// Publishes the article and so announces it. A published article is unpublished first, as an editor re-publishes
    /// a correction (unpublishing announces nothing); an archived one cannot be published at all.
    /// </summary>
    public static async Task PublishAsync(IServiceProvider services, int articleId, bool isBreaking)
    {
        var workflow = services.GetRequiredService<ArticleWorkflow>();
        var id = NodeReference.For(ArticleType.TypeName, articleId);
        var (status, version) = await CurrentAsync(services, articleId);
        if (status == ArticleStatus.Published)
        {
            version = Succeeded(await workflow.UnpublishAsync(id, version, CancellationToken.None)).Version;
        }

        Succeeded(await workflow.PublishAsync(id, version, isBreaking, CancellationToken.None));
    }

    /// <summary>Gives the article a new title; a published article's change is announced, a draft's is not.</summary>
    public static async Task RetitleAsync(IServiceProvider services, int articleId, string title)
    {
        var (_, version) = await CurrentAsync(services, articleId);
        Succeeded(await services.GetRequiredService<ArticleWorkflow>().UpdateAsync(
            NodeReference.For(ArticleType.TypeName, articleId), version, new ArticleChanges { Title = title }, CancellationToken.None));
    }

    private static async Task<(ArticleStatus Status, int Version)> CurrentAsync(IServiceProvider services, int articleId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        db.WithUnpublished();
        var article = await db.Articles.Where(a => a.Id == articleId).Select(a => new { a.Status, a.Version }).SingleAsync();
        return (article.Status, article.Version);
    }

    private static Article Succeeded(GraphQL.Mutations.MutationResult<Article> result)
    {
        Assert.True(result.Errors is null, string.Join("; ", result.Errors?.Select(e => e.Message) ?? []));
        return result.Value!;
    }
}
