using System.ComponentModel.DataAnnotations;

namespace NewsGraph.Server.Feeds;

/// <summary>Feeds and sitemaps (configuration section <c>Feeds</c>).</summary>
public sealed class FeedSettings
{
    public const string SectionName = "Feeds";

    /// <summary>The sitemap protocol's limit of URLs per file.</summary>
    public const int SitemapProtocolMaxUrls = 50_000;

    /// <summary>The sitemap protocol's limit of bytes per (uncompressed) file.</summary>
    public const long SitemapProtocolMaxBytes = 50L * 1024 * 1024;

    /// <summary>Newest articles in each RSS, Atom and JSON feed.</summary>
    [Range(1, 100, ErrorMessage = "Feeds:ItemCount must be between 1 and 100.")]
    public int ItemCount { get; set; } = 20;

    /// <summary>Whether feed items carry the rendered HTML body (besides title, summary and link).</summary>
    public bool IncludeContent { get; set; } = true;

    /// <summary>How long caches and feed readers may keep a feed or sitemap without asking again.</summary>
    public TimeSpan CacheMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Article ids per sitemap page: <c>/sitemaps/articles-{n}.xml</c> lists the published articles with ids
    /// <c>(n-1)·size+1</c> … <c>n·size</c>, so it never holds more than this many URLs.
    /// </summary>
    [Range(1, SitemapProtocolMaxUrls, ErrorMessage = "Feeds:SitemapPageSize must be between 1 and 50000.")]
    public int SitemapPageSize { get; set; } = SitemapProtocolMaxUrls;
}
