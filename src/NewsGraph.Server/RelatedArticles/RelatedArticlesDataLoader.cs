using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.RelatedArticles;

/// <summary>
/// <c>Article.related</c> of every article of a level in one query: the ranked pairs (<see cref="RelatedArticlesSql"/>)
/// joined with the articles themselves. Keys asking for fewer than the most asked for share the query and keep their
/// first ones.
/// </summary>
public sealed class RelatedArticlesDataLoader(IServiceProvider services) : GroupedDataLoader<RelatedArticlesKey, Article>
{
    // Bounds the statement's parameter list; a larger level is split into batches of this size.
    protected override int MaxBatchSize => 500;

    protected override async Task<ILookup<RelatedArticlesKey, Article>> LoadGroupsAsync(IReadOnlyList<RelatedArticlesKey> keys, CancellationToken cancellationToken)
    {
        var limit = keys.Max(k => k.First);
        var articleIds = keys.Select(k => k.ArticleId).Distinct().ToList();
        var (sql, parameters) = RelatedArticlesSql.Ranked(articleIds, limit);
        await using var db = await services.CreateNewsDbContextAsync(cancellationToken);
        var rows = await (
            from row in db.Database.SqlQueryRaw<RelatedArticleRow>(sql, parameters)
            join article in db.Articles on row.ArticleId equals article.Id
            select new { row.SourceId, row.Rank, Article = article })
            .ToListAsync(cancellationToken);

        var bySource = rows.OrderBy(r => r.Rank).ToLookup(r => r.SourceId, r => r.Article);
        return keys
            .SelectMany(key => bySource[key.ArticleId].Take(key.First).Select(article => (key, article)))
            .ToLookup(pair => pair.key, pair => pair.article);
    }
}
