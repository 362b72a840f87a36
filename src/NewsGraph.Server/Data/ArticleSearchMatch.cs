namespace NewsGraph.Server.Data;

/// <summary>An article a full-text search found and how well it matched; a row of a search query, not a table.</summary>
public class ArticleSearchMatch
{
    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;

    /// <summary>Relevance times recency; higher is better, comparable within one search.</summary>
    public double Score { get; set; }

    /// <summary>The document's <see cref="ArticleSearchDocument.SearchKey"/>: newest first is descending.</summary>
    public long SearchKey { get; set; }
}
