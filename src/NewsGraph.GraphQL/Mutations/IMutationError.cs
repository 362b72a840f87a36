namespace NewsGraph.GraphQL.Mutations;

/// <summary>
/// A domain error a mutation returns as a value (Hot Chocolate's mutation conventions): it becomes a member of the
/// payload's <c>errors</c> union and implements the schema's <c>Error</c> interface. Anything that is not a domain
/// error (a bug, a lost database) stays an exception and surfaces as a GraphQL error.
/// </summary>
public interface IMutationError
{
    string Message { get; }
}
