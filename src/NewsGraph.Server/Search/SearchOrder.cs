namespace NewsGraph.Server.Search;

/// <summary>How search hits are ordered.</summary>
public enum SearchOrder
{
    /// <summary>Best match first: relevance (title over summary over body) with a gentle recency boost.</summary>
    Relevance,

    /// <summary>Newest publication first, among the matches.</summary>
    Newest,
}
