namespace NewsGraph.GraphQL.Data.Paging;

/// <summary>The Relay arguments of a connection field.</summary>
public sealed record PagingArguments(int? First, string? After, int? Last, string? Before);
