using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Server.Authors;

/// <summary>
/// The author still has articles (drafts and archived ones count): deleting would orphan them, so the editor must
/// reassign or delete them first.
/// </summary>
public sealed record AuthorHasArticlesError(int ArticleCount, string Message) : IMutationError;
