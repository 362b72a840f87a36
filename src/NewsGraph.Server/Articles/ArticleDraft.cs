using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Server.Articles;

/// <summary>What an editor writes to create an article (<see cref="ArticleWorkflow.CreateAsync"/>).</summary>
/// <param name="Slug">Null: generated from the title and made unique.</param>
/// <param name="Tags">In the order the editor listed them; null or empty: none.</param>
public sealed record ArticleDraft(
    string Title,
    string Body,
    NodeReference Author,
    NodeReference Category,
    IReadOnlyList<NodeReference>? Tags = null,
    string? Summary = null,
    string? Slug = null,
    string? HeroImageUrl = null,
    string? CanonicalUrl = null);
