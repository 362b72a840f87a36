using GraphQL.Types;

namespace NewsGraph.GraphQL.Data.Filtering;

/// <summary>HC's <c>IntOperationFilterInput</c>.</summary>
public sealed class IntOperationFilterInputType : InputObjectGraphType<object>
{
    public IntOperationFilterInputType()
    {
        Name = "IntOperationFilterInput";
        ComparableOperationFields.Add<IntGraphType>(this);
    }
}
