namespace NewsGraph.Server.Data;

public class Article
{
    public int Id { get; set; }

    public string Slug { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    /// <summary>The standfirst shown under the headline.</summary>
    public string? Summary { get; set; }

    /// <summary>Markdown.</summary>
    public string Body { get; set; } = string.Empty;

    public ArticleStatus Status { get; set; }

    public bool IsBreaking { get; set; }

    /// <summary>UTC; null until the article is first published.</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>UTC; when a <see cref="ArticleStatus.Scheduled"/> article is to be published, null in every other status.</summary>
    public DateTime? ScheduledFor { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int WordCount { get; set; }

    public int ReadingTimeMinutes { get; set; }

    public string? HeroImageUrl { get; set; }

    public string? CanonicalUrl { get; set; }

    /// <summary>Optimistic concurrency token; bumped on every saved change.</summary>
    public int Version { get; set; }

    public int AuthorId { get; set; }

    public Author Author { get; set; } = null!;

    public int CategoryId { get; set; }

    public Category Category { get; set; } = null!;

    public ICollection<Tag> Tags { get; } = new List<Tag>();
}
