namespace NewsGraph.GraphQL.Data.Paging;

/// <summary>Error codes (<c>extensions.code</c>) of connection fields; HC's codes where HC has one.</summary>
public static class PagingErrorCodes
{
    /// <summary>HC0051: <c>first</c>/<c>last</c> above the maximum page size (with <c>requestedItems</c>, <c>maxAllowedItems</c>).</summary>
    public const string MaxPageSizeExceeded = "HC0051";

    /// <summary>HC0078: the cursor is malformed, truncated, or belongs to another field or ordering.</summary>
    public const string InvalidCursor = "HC0078";

    /// <summary>HC0079: <c>first</c> or <c>last</c> is negative.</summary>
    public const string NegativeCount = "HC0079";

    /// <summary><c>first</c> and <c>last</c> were both given.</summary>
    public const string FirstAndLast = "PAGING_FIRST_AND_LAST";
}
