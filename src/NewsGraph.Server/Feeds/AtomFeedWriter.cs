using System.ServiceModel.Syndication;
using System.Xml;

namespace NewsGraph.Server.Feeds;

/// <summary>
/// Atom 1.0 (RFC 4287) through System.ServiceModel.Syndication: the feed's id is its own URL, each entry's id the
/// article's URL, with published and updated times, the author's name and page, the category, the summary as text
/// and the body as HTML.
/// </summary>
internal sealed class AtomFeedWriter : IFeedWriter
{
    public string FileName => "atom.xml";

    public string ContentType => "application/atom+xml; charset=utf-8";

    public void Write(Stream output, Feed feed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(feed);
        var syndication = new SyndicationFeed(feed.Title, feed.Description, feed.Link, feed.SelfLink.AbsoluteUri, feed.Updated)
        {
            Language = feed.Language,
            Generator = "NewsGraph",
        };
        syndication.Links.Add(SyndicationLink.CreateSelfLink(feed.SelfLink, "application/atom+xml"));
        syndication.Items = feed.Entries.Select(ToEntry).ToList();

        using var writer = XmlWriter.Create(output, SyndicationXml.WriterSettings());
        new Atom10FeedFormatter(syndication).WriteTo(writer);
    }

    private static SyndicationItem ToEntry(FeedEntry entry)
    {
        var item = new SyndicationItem
        {
            Title = new TextSyndicationContent(entry.Title),
            Id = entry.Link.AbsoluteUri,
            PublishDate = entry.Published,
            LastUpdatedTime = entry.Updated,
            Summary = entry.Summary is null ? null : new TextSyndicationContent(entry.Summary),
            Content = entry.ContentHtml is null ? null : SyndicationContent.CreateHtmlContent(entry.ContentHtml),
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(entry.Link, "text/html"));
        item.Authors.Add(new SyndicationPerson { Name = entry.AuthorName, Uri = entry.AuthorLink.AbsoluteUri });
        item.Categories.Add(new SyndicationCategory(entry.CategorySlug, scheme: null, label: entry.CategoryName));
        return item;
    }
}
