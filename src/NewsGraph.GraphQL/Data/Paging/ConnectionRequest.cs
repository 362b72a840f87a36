using System.Linq.Expressions;
using NewsGraph.GraphQL.Data.Sorting;

namespace NewsGraph.GraphQL.Data.Paging;

/// <summary>
/// A connection field's parsed inputs, not yet executed. <see cref="Key"/> is equal for requests with equal
/// arguments, so a batching loader can page many parents in one query per distinct request. <see cref="Window"/> is
/// <see cref="Paging"/> validated against <see cref="Options"/>, once, when the request was parsed.
/// </summary>
public sealed record ConnectionRequest<T>(
    Expression<Func<T, bool>>? Predicate,
    IReadOnlyList<SortKey<T>> Order,
    PagingArguments Paging,
    PagingOptions Options,
    PageWindow Window,
    bool IncludeTotalCount,
    string Key);
