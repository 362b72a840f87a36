using GraphQL.Types;

namespace NewsGraph.GraphQL.Data.Sorting;

/// <summary>HC's <c>enum SortEnumType { ASC DESC }</c> (no descriptions, as HC prints it).</summary>
public sealed class SortEnumGraphType : EnumerationGraphType
{
    public SortEnumGraphType()
    {
        Name = "SortEnumType";
        Add("ASC", SortDirection.Ascending);
        Add("DESC", SortDirection.Descending);
    }
}
