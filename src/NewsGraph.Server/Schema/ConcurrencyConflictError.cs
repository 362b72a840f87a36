using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Server.Schema;

/// <summary>The entity changed since the caller read it; nothing was written.</summary>
public sealed record ConcurrencyConflictError(int CurrentVersion, string Message) : IMutationError;
