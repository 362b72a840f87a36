using GraphQL;
using GraphQL.Types;
using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.Data;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.Data.Search;
using NewsGraph.GraphQL.Data.Sorting;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Search;

/// <summary>The full-text search field of the query root.</summary>
internal sealed class ArticleSearchQueries(ConnectionTypeRegistry connections, SearchSettings settings) : IQueryFields
{
    private static readonly SortKey<ArticleSearchMatch> ById =
        SortKey.Create<ArticleSearchMatch, int>("id", m => m.ArticleId, SortDirection.Ascending);

    private static readonly IReadOnlyList<SortKey<ArticleSearchMatch>> ByRelevance =
        [SortKey.Create<ArticleSearchMatch, double>("score", m => m.Score, SortDirection.Descending), ById];

    // Readers' matches are all published, so the date is never NULL; editors' may be drafts, which come last.
    private static readonly IReadOnlyList<SortKey<ArticleSearchMatch>> NewestPublished =
        [SortKey.Create<ArticleSearchMatch, DateTime?>("publishedAt", m => m.Article.PublishedAt, SortDirection.Descending).NeverNull(), ById];

    private static readonly IReadOnlyList<SortKey<ArticleSearchMatch>> NewestIncludingUnpublished =
        [SortKey.Create<ArticleSearchMatch, DateTime?>("publishedAt", m => m.Article.PublishedAt, SortDirection.Descending), ById];

    public void AddTo(ObjectGraphType query)
    {
        var field = query.AddConnectionField<ArticleSearchHitType>(
            connections,
            "searchArticles",
            SearchAsync,
            typeof(ArticleFilterInputType),
            description: "Articles that match a search, best match first (or newest first). Words must all match (stemmed, " +
                "case and accents ignored); \"quoted phrases\" match as phrases, -word excludes, OR between two terms accepts " +
                "either. Readers find published articles only; editors find drafts and archived ones too and narrow with `where`.");
        field.Arguments = new QueryArguments(
        [
            new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "query", Description = "What the reader typed." },
            .. field.Arguments!,
            new QueryArgument<SearchOrderType>
            {
                Name = "order",
                Description = "RELEVANCE (the default) or NEWEST.",
                DefaultValue = SearchOrder.Relevance,
            },
        ]);
    }

    private async Task<object?> SearchAsync(IResolveFieldContext context)
    {
        var search = SearchQueryParser.Parse(context.GetArgument<string>("query"));
        await using var db = await context.CreateNewsDbContextAsync();
        var matches = ArticleSearchSql.Matches(db, search);
        if (context.GetFilterPredicate<Article>() is { } predicate)
        {
            matches = matches.Where(ExpressionComposition.Through(predicate, (ArticleSearchMatch match) => match.Article));
        }

        IReadOnlyList<SortKey<ArticleSearchMatch>> order;
        if (context.GetArgument("order", SearchOrder.Relevance) == SearchOrder.Newest)
        {
            order = db.IncludeUnpublished ? NewestIncludingUnpublished : NewestPublished;
        }
        else
        {
            // Only the newest matches are scored: the engines walk their index in SearchKey order and stop there.
            matches = ArticleSearchSql.RankNewest(db, search, matches, settings.RankingWindow);
            order = ByRelevance;
        }

        var page = await matches.ToConnectionAsync(
            order, context.GetPagingArguments(), context.GetPagingOptions(), context.SelectsTotalCount(), context.CancellationToken);
        return new Connection<ArticleSearchHit>
        {
            Edges = page.Edges.Select(edge => new Edge<ArticleSearchHit>(edge.Cursor, new ArticleSearchHit(edge.Node.ArticleId, edge.Node.Score, search))).ToList(),
            PageInfo = page.PageInfo,
            TotalCount = page.TotalCount,
        };
    }
}
