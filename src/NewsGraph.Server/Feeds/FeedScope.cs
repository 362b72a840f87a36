using System.Linq.Expressions;
using NewsGraph.Server.Data;
using NewsGraph.Server.Site;

namespace NewsGraph.Server.Feeds;

/// <summary>
/// What a feed holds: the whole site, a category with everything under it, or one author's articles. <see cref="Key"/>
/// names it in the entity tag; its feeds are under <see cref="Path"/> and its page on the site is <see cref="PageLink"/>.
/// </summary>
internal sealed class FeedScope
{
    private readonly Func<SiteLinks, Uri> _page;

    private FeedScope(string key, string? name, string path, Func<SiteLinks, Uri> page, Expression<Func<Article, bool>>? filter)
    {
        Key = key;
        Name = name;
        Path = path;
        _page = page;
        Filter = filter;
    }

    public static FeedScope Site { get; } = new("site", name: null, "feeds/", links => links.Home, filter: null);

    public string Key { get; }

    /// <summary>The category's or author's name; null for the whole site.</summary>
    public string? Name { get; }

    /// <summary>The path of the scope's feeds under the site, ending in a slash.</summary>
    public string Path { get; }

    /// <summary>Which articles belong to the feed; null for all of them.</summary>
    public Expression<Func<Article, bool>>? Filter { get; }

    public static FeedScope Category(string slug, string name, IReadOnlyList<int> categoryIds) =>
        new($"category:{slug}", name, $"feeds/categories/{Uri.EscapeDataString(slug)}/", links => links.Category(slug), a => categoryIds.Contains(a.CategoryId));

    public static FeedScope Author(string slug, string name, int authorId) =>
        new($"author:{slug}", name, $"feeds/authors/{Uri.EscapeDataString(slug)}/", links => links.Author(slug), a => a.AuthorId == authorId);

    public Uri PageLink(SiteLinks links) => _page(links);
}
