namespace NewsGraph.Server.Data;

/// <summary>Editorial life cycle of an article. Readers only ever see <see cref="Published"/>.</summary>
public enum ArticleStatus
{
    Draft,
    Published,
    Archived,
}
