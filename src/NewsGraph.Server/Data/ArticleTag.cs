namespace NewsGraph.Server.Data;

/// <summary>
/// Explicit join row behind <see cref="Article.Tags"/>, so loaders can batch tag look-ups
/// with one query on the join table.
/// </summary>
public class ArticleTag
{
    public int ArticleId { get; set; }

    public int TagId { get; set; }

    public Article Article { get; set; } = null!;

    public Tag Tag { get; set; } = null!;
}
