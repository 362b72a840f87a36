namespace NewsGraph.GraphQL.Data.Search;

/// <summary>Error codes (<c>extensions.code</c>) of full-text search fields.</summary>
public static class SearchErrorCodes
{
    /// <summary>The search is empty, only whitespace or punctuation, or excludes words without asking for any.</summary>
    public const string EmptySearch = "SEARCH_QUERY_EMPTY";

    /// <summary>The search is longer, or has more terms, than the server allows.</summary>
    public const string SearchTooLong = "SEARCH_QUERY_TOO_LONG";
}
