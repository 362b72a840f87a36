using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Server.Schema;

/// <summary>Another entity of the same kind already uses the slug.</summary>
public sealed record SlugTakenError(string Slug, string Message) : IMutationError;
