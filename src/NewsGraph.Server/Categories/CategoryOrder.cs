using NewsGraph.GraphQL.Data.Sorting;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Categories;

internal static class CategoryOrder
{
    public static readonly SortKey<Category> ById = SortKey.Create<Category, int>("id", c => c.Id, SortDirection.Ascending);

    /// <summary>Navigation order.</summary>
    public static readonly IReadOnlyList<SortKey<Category>> ByPosition =
        [SortKey.Create<Category, int>("position", c => c.Position, SortDirection.Ascending), ById];
}
