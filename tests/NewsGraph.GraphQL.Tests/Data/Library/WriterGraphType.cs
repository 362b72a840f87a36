using GraphQL.Types;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.GraphQL.Tests.Data.Library;

public sealed class WriterGraphType : ObjectGraphType<Writer>
{
    public WriterGraphType()
    {
        Name = "Writer";
        Interface<NodeInterfaceType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => NodeId.Encode("Writer", context.Source.Id));
        Field(w => w.Name);
        Field(w => w.BornOn);
    }
}
