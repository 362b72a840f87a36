using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Data.Sorting;

namespace NewsGraph.GraphQL.Data.Paging;

/// <summary>Relay connections over <see cref="IQueryable{T}"/> with keyset cursors (deep pages cost what the first costs).</summary>
public static class KeysetPagingExtensions
{
    private static readonly MethodInfo ContainsMethod = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);

    /// <summary>
    /// One page of <paramref name="source"/> in <paramref name="order"/>, whose last key must be unique.
    /// Fetches n+1 rows to know whether another page follows; <c>totalCount</c> is one extra COUNT, only when asked.
    /// </summary>
    /// <param name="nodeProjection">What to read of each row (<see cref="Projection.SelectionProjection"/>); null reads whole rows.</param>
    /// <exception cref="global::GraphQL.ExecutionError">Invalid paging arguments or cursor (see <see cref="PagingErrorCodes"/>).</exception>
    public static Task<Connection<T>> ToConnectionAsync<T>(
        this IQueryable<T> source,
        IReadOnlyList<SortKey<T>> order,
        PagingArguments paging,
        PagingOptions options,
        bool includeTotalCount,
        CancellationToken cancellationToken,
        Expression<Func<T, T>>? nodeProjection = null)
    {
        ArgumentNullException.ThrowIfNull(paging);
        return PageAsync(source, order, paging, PagingValidation.Validate(paging, options), options, includeTotalCount, nodeProjection, cancellationToken);
    }

    /// <summary>The page of a parsed connection request, whose paging was validated when it was parsed.</summary>
    /// <param name="nodeProjection">What to read of each row (<see cref="Projection.SelectionProjection"/>); null reads whole rows.</param>
    public static Task<Connection<T>> ToConnectionAsync<T>(
        this IQueryable<T> source,
        ConnectionRequest<T> request,
        CancellationToken cancellationToken,
        Expression<Func<T, T>>? nodeProjection = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageAsync(source, request.Order, request.Paging, request.Window, request.Options, request.IncludeTotalCount, nodeProjection, cancellationToken);
    }

    private static async Task<Connection<T>> PageAsync<T>(
        IQueryable<T> source,
        IReadOnlyList<SortKey<T>> order,
        PagingArguments paging,
        PageWindow window,
        PagingOptions options,
        bool includeTotalCount,
        Expression<Func<T, T>>? nodeProjection,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfZero(order.Count);

        var cursor = new KeysetCursor<T>(order);
        var fetchOrder = window.Backward ? KeysetQuery.Reverse(order) : order;
        var page = KeysetQuery.ApplyCursors(source, order, cursor, paging, options);
        var ordered = source.Provider.CreateQuery<T>(KeysetQuery.OrderBy(page.Expression, fetchOrder, typeof(Queryable)));

        var rows = await ordered.Take(window.Count + 1).Select(KeysetQuery.Projection(order, nodeProjection)).ToListAsync(cancellationToken).ConfigureAwait(false);
        int? totalCount = includeTotalCount ? await source.CountAsync(cancellationToken).ConfigureAwait(false) : null;
        return KeysetQuery.ToConnection(rows, window, paging, cursor, totalCount);
    }

    /// <summary>
    /// The same page for many parents in one SQL query (EF Core translates the per-group OrderBy/Take to
    /// <c>ROW_NUMBER() OVER (PARTITION BY …)</c>), plus one grouped COUNT when totals are wanted. Every requested
    /// parent key gets a connection (empty when it has no rows).
    /// </summary>
    public static Task<IReadOnlyDictionary<TKey, Connection<T>>> ToBatchConnectionsAsync<T, TKey>(
        this IQueryable<T> source,
        Expression<Func<T, TKey>> parentKey,
        IReadOnlyCollection<TKey> parentKeys,
        IReadOnlyList<SortKey<T>> order,
        PagingArguments paging,
        PagingOptions options,
        bool includeTotalCount,
        CancellationToken cancellationToken)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(paging);
        return PageBatchAsync(source, parentKey, parentKeys, order, paging, PagingValidation.Validate(paging, options), options, includeTotalCount, cancellationToken);
    }

    /// <summary>The pages of a parsed connection request for many parents; its paging was validated when it was parsed.</summary>
    public static Task<IReadOnlyDictionary<TKey, Connection<T>>> ToBatchConnectionsAsync<T, TKey>(
        this IQueryable<T> source,
        Expression<Func<T, TKey>> parentKey,
        IReadOnlyCollection<TKey> parentKeys,
        ConnectionRequest<T> request,
        CancellationToken cancellationToken)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageBatchAsync(source, parentKey, parentKeys, request.Order, request.Paging, request.Window, request.Options, request.IncludeTotalCount, cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<TKey, Connection<T>>> PageBatchAsync<T, TKey>(
        IQueryable<T> source,
        Expression<Func<T, TKey>> parentKey,
        IReadOnlyCollection<TKey> parentKeys,
        IReadOnlyList<SortKey<T>> order,
        PagingArguments paging,
        PageWindow window,
        PagingOptions options,
        bool includeTotalCount,
        CancellationToken cancellationToken)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(parentKey);
        ArgumentNullException.ThrowIfNull(parentKeys);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfZero(order.Count);

        var cursor = new KeysetCursor<T>(order);
        var result = new Dictionary<TKey, Connection<T>>();
        if (parentKeys.Count == 0)
        {
            return result;
        }

        var ofParents = source.Where(Expression.Lambda<Func<T, bool>>(
            Expression.Call(ContainsMethod.MakeGenericMethod(typeof(TKey)), QueryParameter.Create(parentKeys.Distinct().ToList()), parentKey.Body),
            parentKey.Parameters));
        var page = KeysetQuery.ApplyCursors(ofParents, order, cursor, paging, options);

        var groups = await page.GroupBy(parentKey)
            .Select(GroupPageProjection<TKey, T>(order, window))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var counts = includeTotalCount
            ? await ofParents.GroupBy(parentKey).Select(g => new GroupCount<TKey> { Key = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken).ConfigureAwait(false)
            : null;

        var rowsByParent = groups.ToDictionary(g => g.Key, g => g.Rows);
        foreach (var key in parentKeys)
        {
            int? totalCount = counts is null ? null : counts.GetValueOrDefault(key);
            result[key] = rowsByParent.TryGetValue(key, out var rows)
                ? KeysetQuery.ToConnection(rows, window, paging, cursor, totalCount)
                : KeysetQuery.ToConnection([], window, paging, cursor, totalCount);
        }

        return result;
    }

    /// <summary><c>g =&gt; new GroupPage { Key = g.Key, Rows = g.OrderBy(…).Take(n + 1).Select(row).ToList() }</c>.</summary>
    private static Expression<Func<IGrouping<TKey, T>, GroupPage<TKey, T>>> GroupPageProjection<TKey, T>(IReadOnlyList<SortKey<T>> order, PageWindow window)
    {
        var group = Expression.Parameter(typeof(IGrouping<TKey, T>), "g");
        var fetchOrder = window.Backward ? KeysetQuery.Reverse(order) : order;
        var ordered = KeysetQuery.OrderBy(group, fetchOrder, typeof(Enumerable));
        var taken = Expression.Call(typeof(Enumerable), nameof(Enumerable.Take), [typeof(T)], ordered, Expression.Constant(window.Count + 1));
        var projected = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [typeof(T), typeof(KeysetRow<T>)], taken, KeysetQuery.Projection(order));
        var list = Expression.Call(typeof(Enumerable), nameof(Enumerable.ToList), [typeof(KeysetRow<T>)], projected);
        var body = Expression.MemberInit(
            Expression.New(typeof(GroupPage<TKey, T>)),
            Expression.Bind(typeof(GroupPage<TKey, T>).GetProperty(nameof(GroupPage<TKey, T>.Key))!, Expression.Property(group, nameof(IGrouping<TKey, T>.Key))),
            Expression.Bind(typeof(GroupPage<TKey, T>).GetProperty(nameof(GroupPage<TKey, T>.Rows))!, list));
        return Expression.Lambda<Func<IGrouping<TKey, T>, GroupPage<TKey, T>>>(body, group);
    }

    private sealed class GroupPage<TKey, T>
    {
        public required TKey Key { get; init; }

        public required List<KeysetRow<T>> Rows { get; init; }
    }

    private sealed class GroupCount<TKey>
    {
        public required TKey Key { get; init; }

        public required int Count { get; init; }
    }
}
