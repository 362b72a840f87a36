using System.Linq.Expressions;
using NewsGraph.GraphQL.Data.Sorting;

namespace NewsGraph.GraphQL.Data.Paging;

/// <summary>
/// A connection field's parsed inputs, not yet executed. <see cref="Key"/> is equal for requests with equal
/// arguments, so a batching loader can page many parents in one query per distinct request.
/// </summary>
public sealed record ConnectionRequest<T>(
    Expression<Func<T, bool>>? Predicate,
    IReadOnlyList<SortKey<T>> Order,
    PagingArguments Paging,
    PagingOptions Options,
    bool IncludeTotalCount,
    string Key);
