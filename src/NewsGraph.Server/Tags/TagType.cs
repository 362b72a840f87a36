using GraphQL.Types;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Tags;

public sealed class TagType : ObjectGraphType<Tag>
{
    public const string TypeName = "Tag";

    public TagType()
    {
        Name = TypeName;
        Description = "A topic that articles are tagged with.";
        Interface<NodeInterfaceType>();

        Field<NonNullGraphType<IdGraphType>, string>("id").Resolve(ctx => NodeId.Encode(TypeName, ctx.Source.Id));
        Field(t => t.Slug);
        Field(t => t.Name);
    }
}
