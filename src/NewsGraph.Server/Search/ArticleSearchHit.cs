using NewsGraph.GraphQL.Data.Search;

namespace NewsGraph.Server.Search;

/// <summary>One article a search found: its id, its score and the search (for highlights, computed per page).</summary>
public sealed record ArticleSearchHit(int ArticleId, double Score, SearchQuery Query);
