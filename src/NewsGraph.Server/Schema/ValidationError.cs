using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Server.Schema;

/// <summary>An input field was invalid; <c>Field</c> names it as the input type does.</summary>
public sealed record ValidationError(string Field, string Message) : IMutationError;
