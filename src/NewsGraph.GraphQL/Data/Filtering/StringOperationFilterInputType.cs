using GraphQL.Types;

namespace NewsGraph.GraphQL.Data.Filtering;

/// <summary>HC's <c>StringOperationFilterInput</c>.</summary>
public sealed class StringOperationFilterInputType : InputObjectGraphType<object>
{
    private const string CaseInsensitive =
        "Case-insensitive for all Unicode letters; `%` and `_` match literally.";

    public StringOperationFilterInputType()
    {
        Name = "StringOperationFilterInput";
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputType>>>("and");
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputType>>>("or");
        Field<StringGraphType>("eq");
        Field<StringGraphType>("neq");
        Field<StringGraphType>("contains").Description(CaseInsensitive);
        Field<StringGraphType>("ncontains").Description(CaseInsensitive);
        Field<ListGraphType<StringGraphType>>("in");
        Field<ListGraphType<StringGraphType>>("nin");
        Field<StringGraphType>("startsWith").Description(CaseInsensitive);
        Field<StringGraphType>("nstartsWith").Description(CaseInsensitive);
        Field<StringGraphType>("endsWith").Description(CaseInsensitive);
        Field<StringGraphType>("nendsWith").Description(CaseInsensitive);
    }
}
