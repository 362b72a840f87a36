using System.Linq.Expressions;

namespace NewsGraph.GraphQL.Data.Sorting;

/// <summary>
/// One ORDER BY key. <paramref name="Name"/> is the dotted GraphQL path (<c>"writer.name"</c>) and identifies
/// the key inside cursors; <paramref name="Selector"/> is an <c>Expression&lt;Func&lt;T, TKey&gt;&gt;</c>.
/// </summary>
public sealed record SortKey<T>(string Name, LambdaExpression Selector, SortDirection Direction)
{
    /// <summary>The same key in the opposite direction (for backward paging).</summary>
    public SortKey<T> Reversed() => this with
    {
        Direction = Direction == SortDirection.Ascending ? SortDirection.Descending : SortDirection.Ascending,
    };
}

/// <summary>Typed factory for <see cref="SortKey{T}"/>.</summary>
public static class SortKey
{
    public static SortKey<T> Create<T, TKey>(string name, Expression<Func<T, TKey>> selector, SortDirection direction) =>
        new(name, selector, direction);
}
