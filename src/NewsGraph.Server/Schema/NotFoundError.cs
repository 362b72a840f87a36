using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Server.Schema;

/// <summary>No entity has the ID the input named (or the caller may not see it).</summary>
public sealed record NotFoundError(string Id, string Message) : IMutationError;
