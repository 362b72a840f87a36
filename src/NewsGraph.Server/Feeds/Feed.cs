namespace NewsGraph.Server.Feeds;

/// <summary>A feed as every format writes it: absolute links only, text already fit for XML (<see cref="XmlText"/>).</summary>
internal sealed record Feed(
    string Title,
    string Description,
    string Language,
    Uri Link,
    Uri SelfLink,
    DateTimeOffset Updated,
    IReadOnlyList<FeedEntry> Entries);

internal sealed record FeedEntry(
    string Title,
    Uri Link,
    string? Summary,
    string? ContentHtml,
    DateTimeOffset Published,
    DateTimeOffset Updated,
    string AuthorName,
    Uri AuthorLink,
    string CategoryName,
    string CategorySlug,
    Uri? ImageUrl);
