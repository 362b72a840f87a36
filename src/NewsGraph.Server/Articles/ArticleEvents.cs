namespace NewsGraph.Server.Articles;

/// <summary>
/// The article events on the bus: topic names and message shapes. They are a public contract (the README shows
/// how another system publishes them), so names and fields change only with the README.
/// </summary>
public static class ArticleEvents
{
    /// <summary>Body: <see cref="ArticlePublished"/>. Redis stream <c>newsgraph:events:ArticlePublished</c>.</summary>
    public const string PublishedTopic = nameof(ArticlePublished);

    /// <summary>Body: <see cref="ArticleUpdated"/>. Redis stream <c>newsgraph:events:ArticleUpdated</c>.</summary>
    public const string UpdatedTopic = nameof(ArticleUpdated);
}

/// <summary>
/// An article became visible to readers. Carries the id only: each instance loads the article once, so a stale
/// copy in the message can never reach a reader, and a draft named by mistake is dropped by the load.
/// </summary>
public sealed record ArticlePublished(int ArticleId, bool IsBreaking, DateTime OccurredAt);

/// <summary>A published article changed.</summary>
public sealed record ArticleUpdated(int ArticleId, bool IsBreaking, DateTime OccurredAt);
