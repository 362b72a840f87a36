namespace NewsGraph.Server.Search;

/// <summary>A hit's title and snippet as safe HTML, matched words in <c>&lt;mark&gt;</c>.</summary>
public sealed record ArticleSearchHighlights(string? TitleHighlight, string? Snippet);
