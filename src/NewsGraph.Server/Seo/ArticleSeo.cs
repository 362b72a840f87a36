namespace NewsGraph.Server.Seo;

/// <summary>What a page's head needs for search engines and link previews.</summary>
public sealed record ArticleSeo(string Title, string Description, Uri CanonicalUrl, OpenGraph OpenGraph, string JsonLd);

/// <summary>The Open Graph properties (<c>og:title</c>, …) of an article page.</summary>
public sealed record OpenGraph(string Title, string Description, string? Image, string Type, Uri Url);
