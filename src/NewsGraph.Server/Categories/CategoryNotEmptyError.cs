using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Server.Categories;

/// <summary>
/// The category still has articles or subcategories: deleting it would orphan them, so the editor must move them
/// first.
/// </summary>
public sealed record CategoryNotEmptyError(int ArticleCount, int ChildCount, string Message) : IMutationError;
