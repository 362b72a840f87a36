namespace NewsGraph.Server.Site;

/// <summary>
/// The site's absolute URLs for articles, categories and authors — one place, so feeds, sitemaps and canonical
/// links agree. Paths are <c>/articles/{slug}</c>, <c>/categories/{slug}</c> and <c>/authors/{slug}</c> under
/// <see cref="SiteSettings.BaseUrl"/>; slugs are URL-safe by construction, but are escaped all the same.
/// </summary>
public sealed class SiteLinks
{
    private readonly Uri _baseUrl;

    public SiteLinks(SiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // A trailing slash makes relative paths resolve under the base path (https://host/news/ + articles/x).
        var text = settings.BaseUrl.AbsoluteUri;
        _baseUrl = new Uri(text.EndsWith('/') ? text : text + "/", UriKind.Absolute);
    }

    public Uri Home => _baseUrl;

    public Uri Article(string slug) => Under("articles", slug);

    public Uri Category(string slug) => Under("categories", slug);

    public Uri Author(string slug) => Under("authors", slug);

    /// <summary>Any other path under the site, e.g. <c>sitemap.xml</c> or <c>feeds/rss.xml</c>.</summary>
    public Uri Resolve(string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        return new Uri(_baseUrl, relativePath.TrimStart('/'));
    }

    private Uri Under(string section, string slug)
    {
        ArgumentException.ThrowIfNullOrEmpty(slug);
        return new Uri(_baseUrl, section + "/" + Uri.EscapeDataString(slug));
    }
}
