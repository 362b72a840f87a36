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

    /// <summary>
    /// Newest first for editors, whose lists also hold drafts — and a draft has no publishedAt. The same order as
    /// <see cref="Newest"/> (one documented default for everybody: published articles newest first), with the key
    /// declared nullable so the keyset predicate carries the NULL branch: unpublished articles come after all
    /// published ones (NULL sorts last descending), ordered by id, and paging walks through them without skipping
    /// or repeating a row. Declaring it never NULL here would make every page after the last published article
    /// empty. Editors are few; the NULL branch costing an index seek is theirs alone.
    /// </summary>
    public static readonly IReadOnlyList<SortKey<Article>> NewestIncludingUnpublished =
        [SortKey.Create<Article, DateTime?>("publishedAt", a => a.PublishedAt, SortDirection.Descending), ById];

    /// <summary>The default order of a list the viewer sees: <see cref="Newest"/> or, with drafts, <see cref="NewestIncludingUnpublished"/>.</summary>
    public static IReadOnlyList<SortKey<Article>> NewestFor(bool includeUnpublished) =>
        includeUnpublished ? NewestIncludingUnpublished : Newest;
}
