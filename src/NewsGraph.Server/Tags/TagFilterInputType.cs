using NewsGraph.GraphQL.Data.Filtering;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Tags;

public sealed class TagFilterInputType : FilterInputType<Tag>
{
    public TagFilterInputType()
        : base("TagFilterInput")
    {
        IdField("id", t => t.Id, TagType.TypeName);
        Field("slug", t => t.Slug);
        Field("name", t => t.Name);
    }
}
