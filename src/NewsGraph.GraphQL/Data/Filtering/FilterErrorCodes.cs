namespace NewsGraph.GraphQL.Data.Filtering;

/// <summary>Error codes (<c>extensions.code</c>) of <c>where</c> filters.</summary>
public static class FilterErrorCodes
{
    /// <summary>An operation that needs a value (e.g. <c>contains</c>, <c>gt</c>) was given <c>null</c>.</summary>
    public const string NullNotAllowed = "FILTER_NULL_NOT_ALLOWED";

    /// <summary>A filter value could not be converted to the filtered member's type.</summary>
    public const string InvalidValue = "FILTER_INVALID_VALUE";
}
