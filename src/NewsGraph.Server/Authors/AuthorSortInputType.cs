using NewsGraph.GraphQL.Data.Sorting;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Authors;

public sealed class AuthorSortInputType : SortInputType<Author>
{
    public AuthorSortInputType()
        : base("AuthorSortInput")
    {
        Field("id", a => a.Id);
        Field("name", a => a.Name);
        Field("slug", a => a.Slug);
    }
}
