using System.Linq.Expressions;
using System.Reflection;
using NewsGraph.GraphQL.Data.Sorting;

namespace NewsGraph.GraphQL.Data.Paging;

/// <summary>Expression helpers shared by single and batched keyset paging.</summary>
internal static class KeysetQuery
{
    public static IReadOnlyList<SortKey<T>> Reverse<T>(IReadOnlyList<SortKey<T>> order) => order.Select(key => key.Reversed()).ToList();

    /// <summary>ORDER BY the keys over <paramref name="source"/>, as Queryable (server) or Enumerable (inside a group) calls.</summary>
    public static Expression OrderBy<T>(Expression source, IReadOnlyList<SortKey<T>> order, Type methods)
    {
        var current = source;
        for (var i = 0; i < order.Count; i++)
        {
            var key = order[i];
            var name = (i == 0, key.Direction) switch
            {
                (true, SortDirection.Ascending) => nameof(Queryable.OrderBy),
                (true, SortDirection.Descending) => nameof(Queryable.OrderByDescending),
                (false, SortDirection.Ascending) => nameof(Queryable.ThenBy),
                _ => nameof(Queryable.ThenByDescending),
            };
            var method = methods.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Single(m => m.Name == name && m.GetParameters().Length == 2)
                .MakeGenericMethod(typeof(T), key.Selector.ReturnType);
            Expression selector = methods == typeof(Queryable) ? Expression.Quote(key.Selector) : key.Selector;
            current = Expression.Call(method, current, selector);
        }

        return current;
    }

    /// <summary><c>x =&gt; new KeysetRow&lt;T&gt; { Node = x (or node(x)), Keys = new object[] { key1(x), … } }</c>.</summary>
    public static Expression<Func<T, KeysetRow<T>>> Projection<T>(IReadOnlyList<SortKey<T>> order, Expression<Func<T, T>>? node = null)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var keys = Expression.NewArrayInit(
            typeof(object),
            order.Select(key => Expression.Convert(ParameterReplacer.Inline(key.Selector, parameter), typeof(object))));
        var body = Expression.MemberInit(
            Expression.New(typeof(KeysetRow<T>)),
            Expression.Bind(typeof(KeysetRow<T>).GetProperty(nameof(KeysetRow<T>.Node))!, node is null ? parameter : ParameterReplacer.Inline(node, parameter)),
            Expression.Bind(typeof(KeysetRow<T>).GetProperty(nameof(KeysetRow<T>.Keys))!, keys));
        return Expression.Lambda<Func<T, KeysetRow<T>>>(body, parameter);
    }

    /// <summary>Applies <c>after</c>/<c>before</c> to the source; both may be given.</summary>
    public static IQueryable<T> ApplyCursors<T>(IQueryable<T> source, IReadOnlyList<SortKey<T>> order, KeysetCursor<T> cursor, PagingArguments paging, PagingOptions options)
    {
        if (paging.After is not null)
        {
            source = source.Where(KeysetPredicate.After(order, cursor.Decode(paging.After), options.NullsSortFirstAscending));
        }

        if (paging.Before is not null)
        {
            source = source.Where(KeysetPredicate.After(Reverse(order), cursor.Decode(paging.Before), options.NullsSortFirstAscending));
        }

        return source;
    }

    /// <summary>Turns fetched rows (count + 1 at most, in fetch order) into a connection page.</summary>
    public static Connection<T> ToConnection<T>(List<KeysetRow<T>> rows, PageWindow window, PagingArguments paging, KeysetCursor<T> cursor, int? totalCount)
    {
        var hasMore = rows.Count > window.Count;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (window.Backward)
        {
            rows.Reverse();
        }

        var edges = rows.Select(row => new Edge<T>(cursor.Encode(row.Keys), row.Node)).ToList();
        var pageInfo = window.Backward
            ? new PageInfo(paging.Before is not null, hasMore, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor)
            : new PageInfo(hasMore, paging.After is not null, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor);
        return new Connection<T> { Edges = edges, PageInfo = pageInfo, TotalCount = totalCount };
    }
}
