using GraphQL.Types;

namespace NewsGraph.GraphQL.Data.Filtering;

/// <summary>HC's <c>IdOperationFilterInput</c>; values are global node IDs.</summary>
public sealed class IdOperationFilterInputType : InputObjectGraphType<object>
{
    public IdOperationFilterInputType()
    {
        Name = "IdOperationFilterInput";
        Field<IdGraphType>("eq");
        Field<IdGraphType>("neq");
        Field<ListGraphType<IdGraphType>>("in");
        Field<ListGraphType<IdGraphType>>("nin");
    }
}
