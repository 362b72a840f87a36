namespace NewsGraph.GraphQL.Data.Sorting;

public enum SortDirection
{
    Ascending,
    Descending,
}
