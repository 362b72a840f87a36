namespace NewsGraph.GraphQL.Data.Paging;

/// <summary>Untyped view of <see cref="Edge{T}"/> for the shared edge graph types.</summary>
internal interface IEdge
{
    string Cursor { get; }

    object? Node { get; }
}
