namespace NewsGraph.GraphQL.Data.Sorting;

/// <summary>Marks the <c>XSortInput</c> types, so that limits and cost can tell an <c>order</c> argument by its type, not its name.</summary>
internal interface ISortInputType;
