using NewsGraph.GraphQL.Http;
using NewsGraph.Server.Site;

namespace NewsGraph.Server.Feeds;

/// <summary>
/// <c>/sitemap.xml</c> (the index of article pages), <c>/sitemaps/articles-{n}.xml</c> (one page; a page that holds no
/// published article is 404, as is one past the end) and <c>/sitemaps/news.xml</c> (Google News: the last two days).
/// None of them reads an article body; each is one query, validated from what it read (ETag, Last-Modified, 304).
/// </summary>
internal static class SitemapRoutes
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapSitemapRoutes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/sitemap.xml", GetAndHead, ServeIndexAsync);
        endpoints.MapMethods("/sitemaps/articles-{page:int}.xml", GetAndHead, ServePageAsync);
        endpoints.MapMethods("/sitemaps/news.xml", GetAndHead, ServeNewsAsync);
        return endpoints;
    }

    public static string PagePath(int page) => $"sitemaps/articles-{page.ToString(System.Globalization.CultureInfo.InvariantCulture)}.xml";

    private static async Task ServeIndexAsync(HttpContext http, SitemapQuery query, FeedSettings settings, SiteSettings site, SiteLinks links, CancellationToken cancellationToken)
    {
        var pages = await query.PagesAsync(cancellationToken);
        var fingerprint = Fingerprint("sitemap-index", settings, site);
        foreach (var page in pages)
        {
            fingerprint.Add(page.Number).AddChange(Utc(page.LastModified));
        }

        if (ConditionalGet.TryAnswerNotModified(http, fingerprint.Build(), settings.CacheMaxAge) || HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        http.Response.ContentType = SitemapWriter.ContentType;
        await SitemapWriter.WriteIndexAsync(http.Response.Body, pages.Select(p => (links.Resolve(PagePath(p.Number)), Utc(p.LastModified))), cancellationToken);
    }

    private static async Task ServePageAsync(HttpContext http, int page, SitemapQuery query, FeedSettings settings, SiteSettings site, SiteLinks links, CancellationToken cancellationToken)
    {
        var articles = await query.PageAsync(page, cancellationToken);
        if (articles.Count == 0)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var fingerprint = Fingerprint("sitemap-page", settings, site).Add(page);
        foreach (var article in articles)
        {
            fingerprint.Add(article.Id).Add(article.Slug).AddChange(Utc(article.UpdatedAt));
        }

        if (ConditionalGet.TryAnswerNotModified(http, fingerprint.Build(), settings.CacheMaxAge) || HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        http.Response.ContentType = SitemapWriter.ContentType;
        await SitemapWriter.WriteUrlSetAsync(http.Response.Body, articles.Select(a => (links.Article(a.Slug), Utc(a.UpdatedAt))), cancellationToken);
    }

    private static async Task ServeNewsAsync(HttpContext http, SitemapQuery query, FeedSettings settings, SiteSettings site, SiteLinks links, CancellationToken cancellationToken)
    {
        var articles = await query.NewsAsync(cancellationToken);
        var fingerprint = Fingerprint("sitemap-news", settings, site);
        foreach (var article in articles)
        {
            fingerprint.Add(article.Id).Add(article.Slug).Add(article.Title).Add(article.PublishedAt.Ticks).AddChange(Utc(article.UpdatedAt));
        }

        if (ConditionalGet.TryAnswerNotModified(http, fingerprint.Build(), settings.CacheMaxAge) || HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        http.Response.ContentType = SitemapWriter.ContentType;
        await SitemapWriter.WriteNewsAsync(
            http.Response.Body,
            XmlText.Clean(site.Name),
            SitemapWriter.NewsLanguage(site.Language),
            articles.Select(a => (links.Article(a.Slug), Utc(a.PublishedAt), XmlText.Clean(a.Title))),
            cancellationToken);
    }

    private static HttpValidators.Builder Fingerprint(string document, FeedSettings settings, SiteSettings site) =>
        HttpValidators.Fingerprint().Add(document).Add("1").Add(site.BaseUrl.AbsoluteUri).Add(site.Name).Add(site.Language).Add(settings.SitemapPageSize);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
