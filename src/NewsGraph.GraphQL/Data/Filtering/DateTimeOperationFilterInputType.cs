using GraphQL.Types;

namespace NewsGraph.GraphQL.Data.Filtering;

/// <summary>HC's <c>DateTimeOperationFilterInput</c>.</summary>
public sealed class DateTimeOperationFilterInputType : InputObjectGraphType<object>
{
    public DateTimeOperationFilterInputType()
    {
        Name = "DateTimeOperationFilterInput";
        ComparableOperationFields.Add<DateTimeGraphType>(this);
    }
}
