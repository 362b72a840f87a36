using NewsGraph.GraphQL.Data.Sorting;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Tags;

public sealed class TagSortInputType : SortInputType<Tag>
{
    public TagSortInputType()
        : base("TagSortInput")
    {
        Field("id", t => t.Id);
        Field("name", t => t.Name);
        Field("slug", t => t.Slug);
    }
}
