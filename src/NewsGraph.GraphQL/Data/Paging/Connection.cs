using System.Collections;

namespace NewsGraph.GraphQL.Data.Paging;

/// <summary>One page of a Relay connection.</summary>
public sealed class Connection<T> : IConnection
{
    public required IReadOnlyList<Edge<T>> Edges { get; init; }

    public required PageInfo PageInfo { get; init; }

    /// <summary>Rows matching the filter, across all pages; <c>null</c> when not requested.</summary>
    public int? TotalCount { get; init; }

    /// <summary>The nodes of <see cref="Edges"/>, for the <c>nodes</c> field.</summary>
    public IEnumerable<T> Nodes => Edges.Select(edge => edge.Node);

    IEnumerable IConnection.Edges => Edges;

    IEnumerable IConnection.Nodes => Nodes;

    public static Connection<T> Empty(int? totalCount) => new()
    {
        Edges = [],
        PageInfo = new PageInfo(false, false, null, null),
        TotalCount = totalCount,
    };
}
