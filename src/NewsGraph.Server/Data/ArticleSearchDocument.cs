namespace NewsGraph.Server.Data;

/// <summary>
/// What full-text search indexes of an article: its text as readers see it (the body as plain text, not Markdown) and
/// its recency boost. One row per article, written with every change to the article (ArticleSearchIndexing); the
/// engines' indexes (an FTS5 table on SQLite, a tsvector column on PostgreSQL) follow this table inside the database.
/// </summary>
public class ArticleSearchDocument
{
    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;

    public string Title { get; set; } = string.Empty;

    public string? Summary { get; set; }

    /// <summary>Plain text.</summary>
    public string Body { get; set; } = string.Empty;

    /// <summary>
    /// ASCII spellings of words whose letters the SQLite tokenizer cannot fold (Ørsted: Orsted, Straße: Strasse,
    /// Łódź: Lodz), so that readers find them as they type them; null when there are none.
    /// </summary>
    public string? Aliases { get; set; }

    /// <summary>
    /// Whole minutes from the recency epoch (2025-01-01) to the article's publication, or creation while unpublished:
    /// relevance is multiplied by 2^(minutes / <see cref="ArticleSearchDocumentKeys.HalfLifeMinutes"/>), so newer articles rank a
    /// little higher.
    /// </summary>
    public int RecencyMinutes { get; set; }

    /// <summary>
    /// <see cref="RecencyMinutes"/> × 2^31 + <see cref="ArticleId"/>, computed by the database: unique, and in the order of
    /// the articles' dates. Search walks matches newest first in this order (SQLite's full-text index is keyed by it), so
    /// ranking can stop at the newest <c>Search:RankingWindow</c> matches instead of scoring every match.
    /// </summary>
    public long SearchKey { get; private set; }
}
