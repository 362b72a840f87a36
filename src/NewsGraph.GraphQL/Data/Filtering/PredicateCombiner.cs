using System.Linq.Expressions;

namespace NewsGraph.GraphQL.Data.Filtering;

/// <summary>
/// Combines optional predicate bodies; <c>null</c> means "no restriction". Lists are combined as balanced trees,
/// not chains: EF Core's visitors and SQL generator recurse once per level, and a chain of a few thousand
/// <c>OR</c>s would overflow the stack (which ends the process) where a balanced tree is a dozen levels deep.
/// </summary>
internal static class PredicateCombiner
{
    public static Expression? And(Expression? left, Expression? right) =>
        left is null ? right : right is null ? left : Expression.AndAlso(left, right);

    /// <summary><c>and: [...]</c>: every element must hold; empty elements restrict nothing.</summary>
    public static Expression? All(IEnumerable<Expression?> parts) => Balanced([.. parts.OfType<Expression>()], Expression.AndAlso);

    /// <summary><c>or: [...]</c>: one element must hold; an empty element (always true) makes the whole OR unrestricted.</summary>
    public static Expression? Any(IReadOnlyList<Expression?> parts)
    {
        if (parts.Count == 0 || parts.Any(part => part is null))
        {
            return null;
        }

        return Balanced([.. parts.OfType<Expression>()], Expression.OrElse);
    }

    private static Expression? Balanced(List<Expression> parts, Func<Expression, Expression, Expression> combine)
    {
        // Pairwise rounds keep the elements' order (SQL evaluates them left to right) and halve the count each time.
        while (parts.Count > 1)
        {
            var next = new List<Expression>((parts.Count + 1) / 2);
            for (var i = 0; i < parts.Count; i += 2)
            {
                next.Add(i + 1 < parts.Count ? combine(parts[i], parts[i + 1]) : parts[i]);
            }

            parts = next;
        }

        return parts.Count == 0 ? null : parts[0];
    }
}
