using GraphQL.Types;

namespace NewsGraph.GraphQL.Data.Filtering;

/// <summary>HC's <c>{Enum}OperationFilterInput</c>, e.g. <c>StatusOperationFilterInput</c>.</summary>
public sealed class EnumOperationFilterInputType<TEnumGraphType> : InputObjectGraphType<object>
    where TEnumGraphType : EnumerationGraphType, new()
{
    public EnumOperationFilterInputType()
    {
        // A throwaway instance only to learn the enum's GraphQL name; fields reference the schema's instance by type.
        Name = new TEnumGraphType().Name + "OperationFilterInput";
        Field<TEnumGraphType>("eq");
        Field<TEnumGraphType>("neq");
        Field<ListGraphType<NonNullGraphType<TEnumGraphType>>>("in");
        Field<ListGraphType<NonNullGraphType<TEnumGraphType>>>("nin");
    }
}
