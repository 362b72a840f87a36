using NewsGraph.GraphQL.Data.Sorting;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Articles;

/// <summary>The orderings articles are listed in when the client does not choose one.</summary>
internal static class ArticleOrder
{
    /// <summary>The unique key that completes every ordering, so that keyset cursors are stable.</summary>
    public static readonly SortKey<Article> ById = SortKey.Create<Article, int>("id", a => a.Id, SortDirection.Descending);

    /// <summary>
    /// Newest first; served by the (Status, PublishedAt, Id) index. Every list it orders holds published
    /// articles only, and publishing sets the date, so the key is declared never NULL: the keyset predicate
    /// then stays a plain index range, and a page 90,000 rows deep costs what the first page costs.
    /// </summary>
    public static readonly IReadOnlyList<SortKey<Article>> Newest =
        [SortKey.Create<Article, DateTime?>("publishedAt", a => a.PublishedAt, SortDirection.Descending).NeverNull(), ById];
}
