using System.Globalization;
using System.Xml;

namespace NewsGraph.Server.Feeds;

/// <summary>
/// The sitemap protocol's documents (https://www.sitemaps.org/protocol.html): the index of pages, a page of article
/// URLs, and Google News' sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap),
/// written straight to the response (a page may hold 50,000 URLs).
/// </summary>
internal static class SitemapWriter
{
    public const string ContentType = "application/xml; charset=utf-8";
    public const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";

    public static async Task WriteIndexAsync(Stream output, IEnumerable<(Uri Location, DateTimeOffset LastModified)> sitemaps, CancellationToken cancellationToken)
    {
        await using var xml = XmlWriter.Create(output, SyndicationXml.WriterSettings(async: true));
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "sitemapindex", SitemapNamespace);
        foreach (var (location, lastModified) in sitemaps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await xml.WriteStartElementAsync(null, "sitemap", SitemapNamespace);
            await xml.WriteElementStringAsync(null, "loc", SitemapNamespace, location.AbsoluteUri);
            await xml.WriteElementStringAsync(null, "lastmod", SitemapNamespace, W3CDateTime(lastModified));
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    public static async Task WriteUrlSetAsync(Stream output, IEnumerable<(Uri Location, DateTimeOffset LastModified)> urls, CancellationToken cancellationToken)
    {
        await using var xml = XmlWriter.Create(output, SyndicationXml.WriterSettings(async: true));
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "urlset", SitemapNamespace);
        foreach (var (location, lastModified) in urls)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await xml.WriteStartElementAsync(null, "url", SitemapNamespace);
            await xml.WriteElementStringAsync(null, "loc", SitemapNamespace, location.AbsoluteUri);
            await xml.WriteElementStringAsync(null, "lastmod", SitemapNamespace, W3CDateTime(lastModified));
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    public static async Task WriteNewsAsync(
        Stream output,
        string publicationName,
        string language,
        IEnumerable<(Uri Location, DateTimeOffset Published, string Title)> articles,
        CancellationToken cancellationToken)
    {
        await using var xml = XmlWriter.Create(output, SyndicationXml.WriterSettings(async: true));
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "urlset", SitemapNamespace);
        await xml.WriteAttributeStringAsync("xmlns", "news", null, NewsNamespace);
        foreach (var (location, published, title) in articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await xml.WriteStartElementAsync(null, "url", SitemapNamespace);
            await xml.WriteElementStringAsync(null, "loc", SitemapNamespace, location.AbsoluteUri);
            await xml.WriteStartElementAsync("news", "news", NewsNamespace);
            await xml.WriteStartElementAsync("news", "publication", NewsNamespace);
            await xml.WriteElementStringAsync("news", "name", NewsNamespace, publicationName);
            await xml.WriteElementStringAsync("news", "language", NewsNamespace, language);
            await xml.WriteEndElementAsync();
            await xml.WriteElementStringAsync("news", "publication_date", NewsNamespace, W3CDateTime(published));
            await xml.WriteElementStringAsync("news", "title", NewsNamespace, title);
            await xml.WriteEndElementAsync();
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    /// <summary>
    /// Google News wants an ISO 639 code (<c>en</c>, not <c>en-GB</c>), except <c>zh-cn</c> and <c>zh-tw</c>.
    /// </summary>
    public static string NewsLanguage(string languageTag)
    {
        ArgumentException.ThrowIfNullOrEmpty(languageTag);
        var tag = languageTag.ToLowerInvariant();
        if (tag.StartsWith("zh-", StringComparison.Ordinal))
        {
            return tag.Contains("-hant", StringComparison.Ordinal) || tag.Contains("-tw", StringComparison.Ordinal) || tag.Contains("-hk", StringComparison.Ordinal) ? "zh-tw" : "zh-cn";
        }

        var separator = tag.IndexOf('-', StringComparison.Ordinal);
        return separator < 0 ? tag : tag[..separator];
    }

    private static string W3CDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
