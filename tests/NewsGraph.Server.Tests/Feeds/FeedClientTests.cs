using System.Net;
using System.Xml.Linq;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.TestHosting;
using static NewsGraph.Server.Tests.Feeds.FeedTestData;

namespace NewsGraph.Server.Tests.Feeds;

/// <summary>
/// The RSS, Atom and JSON feeds as a feed reader sees them: fetched from a real server and read by feedsmith (npm), a
/// real feed parser, then compared with the database.
/// </summary>
public sealed class FeedClientTests
{
    private const string BaseUrl = "https://news.example.com/edition/";

    public static TheoryData<string> Formats => new() { "rss.xml", "atom.xml", "feed.json" };

    private static readonly Dictionary<string, string> FormatNames = new()
    {
        ["rss.xml"] = "rss",
        ["atom.xml"] = "atom",
        ["feed.json"] = "json",
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task The_site_feed_holds_the_newest_published_articles_newest_first(string file)
    {
        await using var server = await NewsGraphServer.StartAsync([new("Site:BaseUrl", BaseUrl), new("Feeds:ItemCount", "7")]);
        var expected = (await PublishedAsync(server.Database)).Take(7).ToList();

        var feed = await ParseUrlAsync(new Uri(server.BaseAddress, $"/feeds/{file}"));

        Assert.Equal(FormatNames[file], (string?)feed["format"]);
        Assert.Equal("NewsGraph", (string?)feed["title"]);
        Assert.Equal(BaseUrl, (string?)feed["homeLink"]);
        Assert.Equal($"{BaseUrl}feeds/{file}", (string?)feed["selfLink"]);
        var items = Items(feed);
        Assert.Equal(expected.Select(a => a.Title), items.Select(i => Text(i, "title")));
        Assert.Equal(expected.Select(a => $"{BaseUrl}articles/{a.Slug}"), items.Select(i => Text(i, "link")));
        Assert.Equal(expected.Select(a => $"{BaseUrl}articles/{a.Slug}"), items.Select(i => Text(i, "id")));
        Assert.Equal(expected.Select(a => a.PublishedAt), items.Select(i => DateTime.Parse(Text(i, "published")!, null, System.Globalization.DateTimeStyles.AdjustToUniversal)));
        Assert.Equal(expected.Select(a => a.AuthorName), items.Select(i => Text(i, "author")));
        Assert.Equal(expected.Select(a => a.CategoryName), items.Select(i => Text(i, "category")));
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(Text(i, "summary"))));
        // The body, rendered from Markdown and sanitized, as HTML.
        Assert.All(items, i => Assert.StartsWith("<p>", Text(i, "contentHtml"), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task The_default_feed_is_bounded_to_twenty_items(string file)
    {
        await using var server = await NewsGraphServer.StartAsync();
        var published = await PublishedAsync(server.Database);
        Assert.True(published.Count > 20, "the sample data has more published articles than a feed holds");

        var feed = await ParseUrlAsync(new Uri(server.BaseAddress, $"/feeds/{file}"));

        Assert.Equal(published.Take(20).Select(a => a.Title), Items(feed).Select(i => Text(i, "title")));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_category_feed_holds_its_subcategories_articles_and_no_others(string file)
    {
        await using var server = await NewsGraphServer.StartAsync([new("Site:BaseUrl", BaseUrl), new("Feeds:ItemCount", "100")]);
        var subtree = await CategorySubtreeAsync(server.Database, SampleCategories.NewsSlug);
        var expected = (await PublishedAsync(server.Database)).Where(a => subtree.Contains(a.CategoryId)).ToList();

        var feed = await ParseUrlAsync(new Uri(server.BaseAddress, $"/feeds/categories/news/{file}"));

        Assert.Equal("NewsGraph: News", (string?)feed["title"]);
        Assert.Equal($"{BaseUrl}categories/news", (string?)feed["homeLink"]);
        Assert.Equal($"{BaseUrl}feeds/categories/news/{file}", (string?)feed["selfLink"]);
        var links = Items(feed).Select(i => Text(i, "link")).ToList();
        Assert.Equal(expected.Select(a => $"{BaseUrl}articles/{a.Slug}"), links);
        // Archive is a subcategory of News; Finance is not under News.
        Assert.Contains($"{BaseUrl}articles/queen-elizabeth-ii-dies-at-96", links);
        Assert.Contains("Archive", Items(feed).Select(i => Text(i, "category")));
        Assert.DoesNotContain($"{BaseUrl}articles/inflation-hits-7-5-percent-in-q3", links);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task An_author_feed_holds_the_authors_published_articles_only(string file)
    {
        await using var server = await NewsGraphServer.StartAsync([new("Site:BaseUrl", BaseUrl), new("Feeds:ItemCount", "100")]);
        // A draft and an archived article of the author, dated newest: still not in any feed.
        await UpdateArticleAsync(server.Database, "draft-festival-preview", a => a.PublishedAt = a.UpdatedAt = DateTime.UtcNow);
        await UpdateArticleAsync(server.Database, "archived-election-live-blog", a => a.PublishedAt = a.UpdatedAt = DateTime.UtcNow);
        var expected = (await PublishedAsync(server.Database)).Where(a => a.AuthorSlug == "sofia-ribeiro").ToList();

        var feed = await ParseUrlAsync(new Uri(server.BaseAddress, $"/feeds/authors/sofia-ribeiro/{file}"));

        Assert.Equal("NewsGraph: Sofia Ribeiro", (string?)feed["title"]);
        Assert.Equal(expected.Select(a => $"{BaseUrl}articles/{a.Slug}"), Items(feed).Select(i => Text(i, "link")));
        Assert.All(Items(feed), i => Assert.Equal("Sofia Ribeiro", Text(i, "author")));
        var site = await ParseUrlAsync(new Uri(server.BaseAddress, $"/feeds/{file}"));
        Assert.DoesNotContain(Items(site), i => Text(i, "link")!.Contains("draft-festival-preview", StringComparison.Ordinal));
        Assert.DoesNotContain(Items(site), i => Text(i, "link")!.Contains("archived-election-live-blog", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/feeds/categories/no-such-category/rss.xml")]
    [InlineData("/feeds/categories/no-such-category/atom.xml")]
    [InlineData("/feeds/categories/no-such-category/feed.json")]
    [InlineData("/feeds/authors/no-such-author/rss.xml")]
    [InlineData("/feeds/authors/no-such-author/atom.xml")]
    [InlineData("/feeds/authors/no-such-author/feed.json")]
    [InlineData("/feeds/categories/%3Cscript%3E/rss.xml")]
    [InlineData("/feeds/atom.json")]
    public async Task An_unknown_category_author_or_format_is_404(string path)
    {
        await using var server = await NewsGraphServer.StartAsync();

        using var response = await server.Http.GetAsync(path);
        // The same server serves the known ones.
        using var known = await server.Http.GetAsync("/feeds/authors/sofia-ribeiro/feed.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Links_come_from_the_configured_site_not_from_the_requests_host(string file)
    {
        await using var server = await NewsGraphServer.StartAsync([new("Site:BaseUrl", BaseUrl)]);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/feeds/{file}");
        request.Headers.Host = "evil.example";
        request.Headers.Add("X-Forwarded-Host", "evil.example");

        using var response = await server.Http.SendAsync(request);
        var document = await response.Content.ReadAsStringAsync();
        var feed = await ParseDocumentAsync(document);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil.example", document, StringComparison.Ordinal);
        Assert.Equal($"{BaseUrl}feeds/{file}", (string?)feed["selfLink"]);
        Assert.NotEmpty(Items(feed));
        Assert.All(Items(feed), i => Assert.StartsWith($"{BaseUrl}articles/", Text(i, "link"), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Markup_and_control_characters_in_titles_stay_text(string file)
    {
        await using var server = await NewsGraphServer.StartAsync();
        const string hostile = "Bonds <b>&amp; \"Stocks\" ]]> & </title><script>alert(1)</script>";
        await UpdateArticleAsync(server.Database, "wildfires-force-evacuations-southern-europe", a =>
        {
            a.Title = hostile + "\u0001\u001b";
            a.Summary = "Tab\there\u0002"; // (PostgreSQL cannot store U+0000 at all)
            a.UpdatedAt = DateTime.UtcNow;
        });

        using var response = await server.Http.GetAsync($"/feeds/{file}");
        var document = await response.Content.ReadAsStringAsync();
        var feed = await ParseDocumentAsync(document);

        if (file.EndsWith(".xml", StringComparison.Ordinal))
        {
            _ = XDocument.Parse(document); // well-formed, or this throws
            Assert.DoesNotContain("<script>", document, StringComparison.Ordinal);
        }

        var item = Items(feed)[0];
        Assert.Equal(hostile, Text(item, "title"));
        Assert.Equal("Tab\there", Text(item, "summary"));
    }
}
