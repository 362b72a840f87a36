using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;

namespace NewsGraph.Server.Feeds;

/// <summary>
/// RSS 2.0 through System.ServiceModel.Syndication. RSS has no element for an author without an e-mail address nor
/// for HTML content, so the usual modules carry them: <c>dc:creator</c> and <c>content:encoded</c>; the guid is the
/// article's URL (a permalink) and an <c>atom:link rel="self"</c> names the feed itself.
/// </summary>
internal sealed class RssFeedWriter : IFeedWriter
{
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace ContentModule = "http://purl.org/rss/1.0/modules/content/";

    public string FileName => "rss.xml";

    public string ContentType => "application/rss+xml; charset=utf-8";

    public void Write(Stream output, Feed feed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(feed);
        var syndication = new SyndicationFeed(feed.Title, feed.Description, feed.Link)
        {
            Language = feed.Language,
            LastUpdatedTime = feed.Updated,
            Generator = "NewsGraph",
        };
        syndication.Links.Add(SyndicationLink.CreateSelfLink(feed.SelfLink, "application/rss+xml"));
        syndication.Items = feed.Entries.Select(ToItem).ToList();

        using var writer = XmlWriter.Create(output, SyndicationXml.WriterSettings());
        new Rss20FeedFormatter(syndication, serializeExtensionsAsAtom: true) { PreserveElementExtensions = true }.WriteTo(writer);
    }

    private static SyndicationItem ToItem(FeedEntry entry)
    {
        var item = new SyndicationItem
        {
            Title = new TextSyndicationContent(entry.Title),
            Id = entry.Link.AbsoluteUri,
            PublishDate = entry.Published,
            Summary = entry.Summary is null ? null : new TextSyndicationContent(entry.Summary),
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(entry.Link));
        item.Categories.Add(new SyndicationCategory(entry.CategoryName));
        // With their usual prefixes: readers that are not namespace-aware look for dc:creator and content:encoded.
        item.ElementExtensions.Add(new XElement(DublinCore + "creator", new XAttribute(XNamespace.Xmlns + "dc", DublinCore), entry.AuthorName).CreateReader());
        if (entry.ContentHtml is not null)
        {
            item.ElementExtensions.Add(new XElement(ContentModule + "encoded", new XAttribute(XNamespace.Xmlns + "content", ContentModule), entry.ContentHtml).CreateReader());
        }

        return item;
    }
}
