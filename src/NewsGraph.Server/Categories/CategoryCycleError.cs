using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Server.Categories;

/// <summary>The new parent is the category itself or one of its descendants.</summary>
public sealed record CategoryCycleError(string Message) : IMutationError;
