namespace NewsGraph.Benchmarks.Throughput;

/// <summary>A name and a slug (an article's author, category or tag on a teaser).</summary>
internal sealed record NameAndSlug(string Name, string Slug);

/// <summary>What a teaser shows: the fields of the front page's GraphQL query, in its order.</summary>
internal sealed record TeaserRow(
    int Id,
    string Slug,
    string Title,
    string? Summary,
    DateTime? PublishedAt,
    int ReadingTimeMinutes,
    bool IsBreaking,
    NameAndSlug Author,
    NameAndSlug Category)
{
    /// <summary>Read by a second query, by name (a collection joined into the first one makes SQLite scan every tag link).</summary>
    public IReadOnlyList<NameAndSlug> Tags { get; set; } = [];
}

/// <summary>What an article page shows: the fields of <c>ArticleBySlug.graphql</c>, in its order.</summary>
internal sealed record ArticlePageRow(
    int Id,
    string Title,
    string? Summary,
    string Body,
    DateTime? PublishedAt,
    string? CanonicalUrl,
    int WordCount,
    int ReadingTimeMinutes,
    string AuthorName,
    string? AuthorBio,
    string CategoryName,
    string? CategoryParentName)
{
    /// <summary>Read by a second query, by name.</summary>
    public IReadOnlyList<NameAndSlug> Tags { get; set; } = [];
}
