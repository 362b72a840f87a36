using System.Globalization;
using System.Xml;

namespace NewsGraph.Server.Feeds;

/// <summary>
/// The sitemap protocol's documents (https://www.sitemaps.org/protocol.html): the index of pages, a page of article
/// URLs, and Google News' sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap),
/// written to the response as they go (a page may hold 50,000 URLs, ~8 MB): a synchronous XmlWriter into a small buffer
/// that is sent every 500 entries, instead of an await for every element; memory stays bounded by the chunk.
/// </summary>
internal static class SitemapWriter
{
    public const string ContentType = "application/xml; charset=utf-8";
    public const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";

    public static Task WriteIndexAsync(Stream output, IEnumerable<(Uri Location, DateTimeOffset LastModified)> sitemaps, CancellationToken cancellationToken) =>
        WriteLocationsAsync(output, "sitemapindex", "sitemap", sitemaps, cancellationToken);

    public static Task WriteUrlSetAsync(Stream output, IEnumerable<(Uri Location, DateTimeOffset LastModified)> urls, CancellationToken cancellationToken) =>
        WriteLocationsAsync(output, "urlset", "url", urls, cancellationToken);

    // The index and a page differ only in their element names: <sitemapindex><sitemap> and <urlset><url>.
    private static async Task WriteLocationsAsync(
        Stream output, string root, string entry, IEnumerable<(Uri Location, DateTimeOffset LastModified)> locations, CancellationToken cancellationToken)
    {
        await using var document = new ChunkedXmlOutput(output);
        var xml = document.Xml;
        xml.WriteStartDocument();
        xml.WriteStartElement(null, root, SitemapNamespace);
        foreach (var (location, lastModified) in locations)
        {
            await document.EntryWrittenAsync(cancellationToken);
            xml.WriteStartElement(null, entry, SitemapNamespace);
            xml.WriteElementString(null, "loc", SitemapNamespace, location.AbsoluteUri);
            xml.WriteElementString(null, "lastmod", SitemapNamespace, W3CDateTime(lastModified));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
        await document.CompleteAsync(cancellationToken);
    }

    public static async Task WriteNewsAsync(
        Stream output,
        string publicationName,
        string language,
        IEnumerable<(Uri Location, DateTimeOffset Published, string Title)> articles,
        CancellationToken cancellationToken)
    {
        await using var document = new ChunkedXmlOutput(output);
        var xml = document.Xml;
        xml.WriteStartDocument();
        xml.WriteStartElement(null, "urlset", SitemapNamespace);
        xml.WriteAttributeString("xmlns", "news", null, NewsNamespace);
        foreach (var (location, published, title) in articles)
        {
            await document.EntryWrittenAsync(cancellationToken);
            xml.WriteStartElement(null, "url", SitemapNamespace);
            xml.WriteElementString(null, "loc", SitemapNamespace, location.AbsoluteUri);
            xml.WriteStartElement("news", "news", NewsNamespace);
            xml.WriteStartElement("news", "publication", NewsNamespace);
            xml.WriteElementString("news", "name", NewsNamespace, publicationName);
            xml.WriteElementString("news", "language", NewsNamespace, language);
            xml.WriteEndElement();
            xml.WriteElementString("news", "publication_date", NewsNamespace, W3CDateTime(published));
            xml.WriteElementString("news", "title", NewsNamespace, title);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
        await document.CompleteAsync(cancellationToken);
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

    /// <summary>An XmlWriter over a buffer that is sent to the response every <see cref="EntriesPerChunk"/> entries.</summary>
    private sealed class ChunkedXmlOutput : IAsyncDisposable
    {
        private const int EntriesPerChunk = 500;
        private readonly Stream _output;
        private readonly MemoryStream _buffer = new();
        private int _entries;

        public ChunkedXmlOutput(Stream output)
        {
            _output = output;
            Xml = XmlWriter.Create(_buffer, SyndicationXml.WriterSettings());
        }

        public XmlWriter Xml { get; }

        public ValueTask EntryWrittenAsync(CancellationToken cancellationToken) =>
            ++_entries % EntriesPerChunk == 0 ? new ValueTask(SendAsync(cancellationToken)) : ValueTask.CompletedTask;

        public Task CompleteAsync(CancellationToken cancellationToken) => SendAsync(cancellationToken);

        private async Task SendAsync(CancellationToken cancellationToken)
        {
            Xml.Flush();
            await _output.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), cancellationToken);
            _buffer.SetLength(0);
        }

        public ValueTask DisposeAsync()
        {
            Xml.Dispose();
            _buffer.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
