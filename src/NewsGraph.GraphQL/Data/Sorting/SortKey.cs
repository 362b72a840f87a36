using System.Linq.Expressions;

namespace NewsGraph.GraphQL.Data.Sorting;

/// <summary>
/// One ORDER BY key. <paramref name="Name"/> is the dotted GraphQL path (<c>"writer.name"</c>) and identifies
/// the key inside cursors; <paramref name="Selector"/> is an <c>Expression&lt;Func&lt;T, TKey&gt;&gt;</c>.
/// </summary>
public sealed record SortKey<T>(string Name, LambdaExpression Selector, SortDirection Direction)
{
    /// <summary>
    /// The caller guarantees that no row of the query has NULL here although the member's type allows it
    /// (e.g. a publication date on a list of published articles). Keyset predicates then leave out their NULL
    /// branches, which keeps deep pages an index seek.
    /// </summary>
    public bool IsNeverNull { get; init; }

    /// <summary>This key, declared never NULL in the queries it orders (see <see cref="IsNeverNull"/>).</summary>
    public SortKey<T> NeverNull() => this with { IsNeverNull = true };

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
