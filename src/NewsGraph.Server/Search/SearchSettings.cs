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
}
