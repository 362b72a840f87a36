using System.Linq.Expressions;

namespace NewsGraph.GraphQL.Data;

/// <summary>Composes query expressions so that providers translate them as if written by hand.</summary>
public static class ExpressionComposition
{
    /// <summary>
    /// A predicate over <typeparamref name="TInner"/> applied through a navigation of <typeparamref name="TOuter"/>:
    /// <c>a =&gt; a.Status == …</c> through <c>m =&gt; m.Article</c> is <c>m =&gt; m.Article.Status == …</c>.
    /// </summary>
    public static Expression<Func<TOuter, bool>> Through<TOuter, TInner>(
        Expression<Func<TInner, bool>> predicate, Expression<Func<TOuter, TInner>> navigation)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(navigation);
        var body = ParameterReplacer.Inline(predicate, navigation.Body);
        return Expression.Lambda<Func<TOuter, bool>>(body, navigation.Parameters);
    }
}
