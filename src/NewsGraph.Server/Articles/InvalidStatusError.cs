using NewsGraph.GraphQL.Mutations;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Articles;

/// <summary>The workflow does not allow the action in the article's current status (publish an archived article).</summary>
public sealed record InvalidStatusError(ArticleStatus Status, string Message) : IMutationError;
