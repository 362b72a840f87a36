namespace NewsGraph.Server.Data;

/// <summary>Editorial life cycle of an article. Readers only ever see <see cref="Published"/>.</summary>
/// <remarks>The values are stored: a new status takes a new number, never an existing one.</remarks>
public enum ArticleStatus
{
    Draft = 0,
    Published = 1,
    Archived = 2,

    /// <summary>Waiting for <see cref="Article.ScheduledFor"/>, when the server publishes it (Articles/ScheduledPublisher).</summary>
    Scheduled = 3,
}
