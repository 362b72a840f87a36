using System.ComponentModel.DataAnnotations;

namespace NewsGraph.Server.Search;

/// <summary>Full-text search settings (configuration section <c>Search</c>).</summary>
public sealed class SearchSettings
{
    public const string SectionName = "Search";

    /// <summary>
    /// Words in a hit's <c>snippet</c> around the matches (FTS5 allows at most 64; PostgreSQL's headline
    /// takes between half of it and all of it).
    /// </summary>
    [Range(4, 64, ErrorMessage = "Search:SnippetWords must be between 4 and 64.")]
    public int SnippetWords { get; set; } = 24;

    /// <summary>
    /// How many of a search's matches relevance ranks: the newest this many (by publication) that the reader may see
    /// and the <c>where</c> filter accepts. Scoring every match of a word most articles hold would cost hundreds of
    /// milliseconds; the newest matches are where the best results of a news search are (scores carry a recency factor
    /// too). A search in relevance order pages through at most this many hits; <c>order: NEWEST</c> pages through all.
    /// </summary>
    [Range(10, 100_000, ErrorMessage = "Search:RankingWindow must be between 10 and 100000.")]
    public int RankingWindow { get; set; } = 1000;
}
