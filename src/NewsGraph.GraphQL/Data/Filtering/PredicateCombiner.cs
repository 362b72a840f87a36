using System.Linq.Expressions;

namespace NewsGraph.GraphQL.Data.Filtering;

/// <summary>Combines optional predicate bodies; <c>null</c> means "no restriction".</summary>
internal static class PredicateCombiner
{
    public static Expression? And(Expression? left, Expression? right) =>
        left is null ? right : right is null ? left : Expression.AndAlso(left, right);

    /// <summary><c>and: [...]</c>: every element must hold; empty elements restrict nothing.</summary>
    public static Expression? All(IEnumerable<Expression?> parts) => parts.Aggregate((Expression?)null, And);

    /// <summary><c>or: [...]</c>: one element must hold; an empty element (always true) makes the whole OR unrestricted.</summary>
    public static Expression? Any(IReadOnlyList<Expression?> parts)
    {
        if (parts.Count == 0 || parts.Any(part => part is null))
        {
            return null;
        }

        return parts.Aggregate((left, right) => Expression.OrElse(left!, right!));
    }
}
