namespace NewsGraph.GraphQL.Data.Paging;

/// <summary>Validated paging: how many rows, and whether counted from the end (<c>last</c>).</summary>
public readonly record struct PageWindow(int Count, bool Backward);
