using System.Collections;

namespace NewsGraph.GraphQL.Data.Paging;

/// <summary>Untyped view of <see cref="Connection{T}"/> for the shared connection graph types.</summary>
internal interface IConnection
{
    IEnumerable Edges { get; }

    IEnumerable Nodes { get; }

    PageInfo PageInfo { get; }

    int? TotalCount { get; }
}
