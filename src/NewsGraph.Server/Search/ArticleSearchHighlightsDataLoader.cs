using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Data.Search;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Search;

/// <summary>
/// Title highlights and snippets of a page of hits in one query per search: the engines mark matches only for the
/// rows asked for, so the cost is the page's, never the whole result's; and only when a client selects them.
/// </summary>
public sealed class ArticleSearchHighlightsDataLoader(IServiceProvider services, IOptions<SearchSettings> settings)
    : BatchDataLoader<(SearchQuery Query, int ArticleId), ArticleSearchHighlights>
{
    protected override async Task<IReadOnlyDictionary<(SearchQuery Query, int ArticleId), ArticleSearchHighlights>> LoadBatchAsync(
        IReadOnlyList<(SearchQuery Query, int ArticleId)> keys, CancellationToken cancellationToken)
    {
        var highlights = new Dictionary<(SearchQuery, int), ArticleSearchHighlights>();
        foreach (var search in keys.GroupBy(key => key.Query))
        {
            await using var db = await services.CreateNewsDbContextAsync(cancellationToken);
            var ids = search.Select(key => key.ArticleId).Distinct().ToList();
            var rows = await ArticleSearchSql.HighlightsAsync(db, search.Key, ids, settings.Value.SnippetWords, cancellationToken);
            foreach (var row in rows)
            {
                highlights[(search.Key, row.ArticleId)] = new ArticleSearchHighlights(
                    row.TitleHighlight is null ? null : SearchHighlight.ToHtml(row.TitleHighlight),
                    row.Snippet is null ? null : SearchHighlight.ToHtml(row.Snippet));
            }
        }

        return highlights;
    }
}
