using NewsGraph.GraphQL.Data.Sorting;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Tags;

internal static class TagOrder
{
    public static readonly SortKey<Tag> ById = SortKey.Create<Tag, int>("id", t => t.Id, SortDirection.Ascending);

    public static readonly IReadOnlyList<SortKey<Tag>> ByName =
        [SortKey.Create<Tag, string>("name", t => t.Name, SortDirection.Ascending), ById];
}
