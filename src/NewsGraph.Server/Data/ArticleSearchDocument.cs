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

    /// <summary>Multiplies relevance: newer articles rank a little higher (see ArticleSearchDocuments.RecencyOf).</summary>
    public double Recency { get; set; }
}
