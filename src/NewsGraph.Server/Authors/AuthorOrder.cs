using NewsGraph.GraphQL.Data.Sorting;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Authors;

internal static class AuthorOrder
{
    public static readonly SortKey<Author> ById = SortKey.Create<Author, int>("id", a => a.Id, SortDirection.Ascending);

    public static readonly IReadOnlyList<SortKey<Author>> ByName =
        [SortKey.Create<Author, string>("name", a => a.Name, SortDirection.Ascending), ById];
}
