namespace NewsGraph.GraphQL.Data.Paging;

/// <summary>A fetched row with its sort-key values, read in the same query (keys may live on joined rows).</summary>
internal sealed class KeysetRow<T>
{
    public required T Node { get; init; }

    public required object?[] Keys { get; init; }
}
