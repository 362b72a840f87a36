using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Server.Articles;

/// <summary>
/// What an editor changes in an article (<see cref="ArticleWorkflow.UpdateAsync"/>): a field left out stays as it is;
/// a field sent as null removes the value where the article may lack it (summary, URLs) and is a validation error
/// where it may not (title, body, author, category).
/// </summary>
public sealed record ArticleChanges
{
    public Optional<string?> Title { get; init; }

    public Optional<string?> Summary { get; init; }

    public Optional<string?> Body { get; init; }

    public Optional<NodeReference?> Author { get; init; }

    public Optional<NodeReference?> Category { get; init; }

    /// <summary>Replaces all tags, in this order; null leaves them as they are.</summary>
    public IReadOnlyList<NodeReference>? Tags { get; init; }

    public Optional<string?> HeroImageUrl { get; init; }

    public Optional<string?> CanonicalUrl { get; init; }
}
