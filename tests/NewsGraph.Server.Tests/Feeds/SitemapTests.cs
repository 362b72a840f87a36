using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.TestHosting;
using static NewsGraph.Server.Tests.Feeds.FeedTestData;

namespace NewsGraph.Server.Tests.Feeds;

/// <summary>The sitemap index, its pages and the Google News sitemap, read as XML with their namespaces.</summary>
public sealed class SitemapTests
{
    private const string BaseUrl = "https://news.example.com/";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    [Fact]
    public async Task The_index_pages_list_every_published_article_exactly_once()
    {
        const int pageSize = 3;
        await using var server = await NewsGraphServer.StartAsync([new("Site:BaseUrl", BaseUrl), new("Feeds:SitemapPageSize", $"{pageSize}")]);
        var published = await PublishedAsync(server.Database);

        var index = await GetXmlAsync(server, "/sitemap.xml");

        Assert.Equal(Sitemap + "sitemapindex", index.Root!.Name);
        var entries = index.Root.Elements(Sitemap + "sitemap").ToList();
        // Pages are id ranges of size 3: exactly those that hold a published article, in order.
        var expectedPages = published.Select(a => ((a.Id - 1) / pageSize) + 1).Distinct().Order().ToList();
        Assert.Equal(expectedPages.Select(p => $"{BaseUrl}sitemaps/articles-{p}.xml"), entries.Select(e => (string?)e.Element(Sitemap + "loc")));
        Assert.InRange(entries.Count, (int)Math.Ceiling(published.Count / (double)pageSize), published.Count);

        var listed = new List<string>();
        foreach (var entry in entries)
        {
            var page = await GetXmlAsync(server, new Uri((string)entry.Element(Sitemap + "loc")!).AbsolutePath);
            Assert.Equal(Sitemap + "urlset", page.Root!.Name);
            var urls = page.Root.Elements(Sitemap + "url").ToList();
            Assert.InRange(urls.Count, 1, pageSize);
            listed.AddRange(urls.Select(u => (string)u.Element(Sitemap + "loc")!));
            // The page's lastmod in the index is its newest article's change.
            var newest = urls.Max(u => DateTimeOffset.Parse((string)u.Element(Sitemap + "lastmod")!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(newest, DateTimeOffset.Parse((string)entry.Element(Sitemap + "lastmod")!, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(published.Select(a => $"{BaseUrl}articles/{a.Slug}").Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_page_url_carries_the_articles_last_change()
    {
        await using var server = await NewsGraphServer.StartAsync([new("Site:BaseUrl", BaseUrl)]);
        var article = (await PublishedAsync(server.Database)).First(a => a.Slug == "chinas-xi-jinping-visits-russia");

        var page = await GetXmlAsync(server, "/sitemaps/articles-1.xml");

        var url = page.Root!.Elements(Sitemap + "url").Single(u => (string?)u.Element(Sitemap + "loc") == $"{BaseUrl}articles/{article.Slug}");
        Assert.Equal(article.UpdatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), (string?)url.Element(Sitemap + "lastmod"));
    }

    [Theory]
    [InlineData("/sitemaps/articles-0.xml")]
    [InlineData("/sitemaps/articles-999.xml")]
    [InlineData("/sitemaps/articles-2147483647.xml")]
    [InlineData("/sitemaps/articles-99999999999.xml")]
    [InlineData("/sitemaps/articles--1.xml")]
    [InlineData("/sitemaps/articles-x.xml")]
    public async Task A_page_out_of_range_is_404(string path)
    {
        await using var server = await NewsGraphServer.StartAsync([new("Feeds:SitemapPageSize", "10")]);

        using var response = await server.Http.GetAsync(path);
        // The same server serves the pages that hold articles.
        using var first = await server.Http.GetAsync("/sitemaps/articles-1.xml");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }

    [Fact]
    public async Task Sitemaps_answer_conditional_requests_and_change_with_a_publication()
    {
        await using var server = await NewsGraphServer.StartAsync([new("Feeds:SitemapPageSize", "1000")]);
        using var index = await server.Http.GetAsync("/sitemap.xml");
        using var page = await server.Http.GetAsync("/sitemaps/articles-1.xml");

        using var indexAgain = await SendAsync(server, "/sitemap.xml", r => r.Headers.IfNoneMatch.Add(index.Headers.ETag!));
        using var pageAgain = await SendAsync(server, "/sitemaps/articles-1.xml", r => r.Headers.IfModifiedSince = page.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, indexAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, pageAgain.StatusCode);
        Assert.False(index.Headers.ETag!.IsWeak);

        await UpdateArticleAsync(server.Database, "draft-budget-leak-analysis", a =>
        {
            a.Status = ArticleStatus.Published;
            a.PublishedAt = a.UpdatedAt = DateTime.UtcNow;
        });

        using var indexAfter = await SendAsync(server, "/sitemap.xml", r => r.Headers.IfNoneMatch.Add(index.Headers.ETag!));
        using var pageAfter = await SendAsync(server, "/sitemaps/articles-1.xml", r => r.Headers.IfNoneMatch.Add(page.Headers.ETag!));
        Assert.Equal(HttpStatusCode.OK, indexAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pageAfter.StatusCode);
        Assert.Contains("/articles/draft-budget-leak-analysis<", await pageAfter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_news_sitemap_holds_the_last_two_days_by_the_servers_clock()
    {
        var now = new DateTimeOffset(2030, 1, 15, 12, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(now);
        await using var server = await NewsGraphServer.StartAsync(
            [new("Site:BaseUrl", BaseUrl), new("Site:Name", "The Daily <Graph> & Co"), new("Site:Language", "en-GB")],
            services => services.AddSingleton<TimeProvider>(clock));
        await UpdateArticleAsync(server.Database, "zurich-votes-on-housing-levy", a => a.PublishedAt = a.UpdatedAt = now.UtcDateTime.AddMinutes(-5));
        await UpdateArticleAsync(server.Database, "bitcoin-etf-approved", a => a.PublishedAt = a.UpdatedAt = now.UtcDateTime.AddDays(-2).AddMinutes(1));
        await UpdateArticleAsync(server.Database, "swiss-bank-rescue-weekend", a => a.PublishedAt = a.UpdatedAt = now.UtcDateTime.AddDays(-3));
        await UpdateArticleAsync(server.Database, "draft-crypto-winter-explainer", a => a.PublishedAt = a.UpdatedAt = now.UtcDateTime.AddMinutes(-1));

        var sitemap = await GetXmlAsync(server, "/sitemaps/news.xml");

        Assert.Equal(Sitemap + "urlset", sitemap.Root!.Name);
        var urls = sitemap.Root.Elements(Sitemap + "url").ToList();
        Assert.Equal(
            [$"{BaseUrl}articles/zurich-votes-on-housing-levy", $"{BaseUrl}articles/bitcoin-etf-approved"],
            urls.Select(u => (string?)u.Element(Sitemap + "loc")));
        var news = urls[0].Element(News + "news")!;
        Assert.Equal("The Daily <Graph> & Co", (string?)news.Element(News + "publication")!.Element(News + "name"));
        Assert.Equal("en", (string?)news.Element(News + "publication")!.Element(News + "language"));
        Assert.Equal("2030-01-15T11:55:00Z", (string?)news.Element(News + "publication_date"));
        Assert.Equal("Zürich To Vote On Levy For Empty Apartments", (string?)news.Element(News + "title"));

        // A day later the article of two days less a minute ago has left the window.
        clock.Advance(TimeSpan.FromMinutes(2));
        var later = await GetXmlAsync(server, "/sitemaps/news.xml");
        Assert.Equal([$"{BaseUrl}articles/zurich-votes-on-housing-levy"], later.Root!.Elements(Sitemap + "url").Select(u => (string?)u.Element(Sitemap + "loc")));
    }

    [Fact]
    public async Task The_news_sitemap_stops_at_googles_thousand_urls_newest_first()
    {
        var now = new DateTimeOffset(2030, 1, 15, 12, 0, 0, TimeSpan.Zero);
        await using var server = await NewsGraphServer.StartAsync([new("Site:BaseUrl", BaseUrl)], services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(now)));
        await using (var db = server.Database.CreateContext())
        {
            var author = await db.Set<Author>().FirstAsync();
            var category = await db.Set<Category>().FirstAsync();
            for (var i = 0; i < 1005; i++)
            {
                var at = now.UtcDateTime.AddSeconds(-i - 1);
                db.Add(new Article { Slug = $"wire-{i}", Title = $"Wire {i}", Body = "Text.", Status = ArticleStatus.Published, PublishedAt = at, CreatedAt = at, UpdatedAt = at, AuthorId = author.Id, CategoryId = category.Id });
            }

            await db.SaveChangesAsync();
        }

        var sitemap = await GetXmlAsync(server, "/sitemaps/news.xml");

        var locs = sitemap.Root!.Elements(Sitemap + "url").Select(u => (string?)u.Element(Sitemap + "loc")).ToList();
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"{BaseUrl}articles/wire-{i}"), locs);
    }

    private static async Task<XDocument> GetXmlAsync(NewsGraphServer server, string path)
    {
        using var response = await server.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> SendAsync(NewsGraphServer server, string path, Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        configure(request);
        return await server.Http.SendAsync(request);
    }
}
