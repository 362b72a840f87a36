using System.Net;
using System.Net.Http.Headers;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.TestHosting;
using static NewsGraph.Server.Tests.Feeds.FeedTestData;

namespace NewsGraph.Server.Tests.Feeds;

/// <summary>ETag, Last-Modified, Cache-Control and conditional GET/HEAD on the feeds (RFC 9110 §13).</summary>
public sealed class FeedConditionalGetTests
{
    [Theory]
    [InlineData("/feeds/rss.xml")]
    [InlineData("/feeds/categories/finance/atom.xml")]
    [InlineData("/feeds/authors/daniel-kim/feed.json")]
    public async Task A_feed_carries_a_strong_etag_its_newest_change_and_the_configured_cache_lifetime(string path)
    {
        await using var server = await NewsGraphServer.StartAsync([new("Feeds:CacheMaxAge", "00:01:30")]);

        using var response = await server.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromSeconds(90), response.Headers.CacheControl.MaxAge);
        var lastModified = response.Content.Headers.LastModified;
        Assert.NotNull(lastModified);
        var feed = await ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var newestChange = (await PublishedAsync(server.Database))
            .Where(a => Items(feed).Any(i => Text(i, "link")!.EndsWith("/articles/" + a.Slug, StringComparison.Ordinal)))
            .Max(a => a.UpdatedAt);
        Assert.Equal(Truncate(newestChange), lastModified!.Value.UtcDateTime);
    }

    [Fact]
    public async Task A_matching_etag_or_an_unchanged_date_is_304_with_the_validators_and_no_body()
    {
        await using var server = await NewsGraphServer.StartAsync();
        using var first = await server.Http.GetAsync("/feeds/rss.xml");
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var byTag = await SendAsync(server, HttpMethod.Get, "/feeds/rss.xml", r => r.Headers.IfNoneMatch.Add(etag));
        using var byAnyTag = await SendAsync(server, HttpMethod.Get, "/feeds/rss.xml", r => r.Headers.TryAddWithoutValidation("If-None-Match", $"\"other\", {etag.Tag}"));
        using var byWeakForm = await SendAsync(server, HttpMethod.Get, "/feeds/rss.xml", r => r.Headers.TryAddWithoutValidation("If-None-Match", $"W/{etag.Tag}"));
        using var byDate = await SendAsync(server, HttpMethod.Get, "/feeds/rss.xml", r => r.Headers.IfModifiedSince = lastModified);
        using var byLaterDate = await SendAsync(server, HttpMethod.Get, "/feeds/rss.xml", r => r.Headers.IfModifiedSince = lastModified.AddDays(1));

        foreach (var response in new[] { byTag, byAnyTag, byWeakForm, byDate, byLaterDate })
        {
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Equal(etag, response.Headers.ETag);
            Assert.Equal(lastModified, response.Content.Headers.LastModified);
            Assert.Equal(TimeSpan.FromMinutes(5), response.Headers.CacheControl!.MaxAge);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task An_older_date_a_different_etag_or_a_format_of_its_own_gets_the_feed()
    {
        await using var server = await NewsGraphServer.StartAsync();
        using var first = await server.Http.GetAsync("/feeds/rss.xml");
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var olderDate = await SendAsync(server, HttpMethod.Get, "/feeds/rss.xml", r => r.Headers.IfModifiedSince = lastModified.AddSeconds(-1));
        using var otherTag = await SendAsync(server, HttpMethod.Get, "/feeds/rss.xml", r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\"")));
        // If-None-Match decides when both are sent (RFC 9110 §13.2.2): a stale tag with a current date is a 200.
        using var tagWins = await SendAsync(server, HttpMethod.Get, "/feeds/rss.xml", r =>
        {
            r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""));
            r.Headers.IfModifiedSince = lastModified;
        });
        using var garbage = await SendAsync(server, HttpMethod.Get, "/feeds/rss.xml", r => r.Headers.TryAddWithoutValidation("If-Modified-Since", "yesterday"));
        // The Atom feed of the same articles is another representation with a tag of its own.
        using var atom = await SendAsync(server, HttpMethod.Get, "/feeds/atom.xml", r => r.Headers.IfNoneMatch.Add(etag));

        foreach (var response in new[] { olderDate, otherTag, tagWins, garbage, atom })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }

        Assert.NotEqual(etag, atom.Headers.ETag);
    }

    [Fact]
    public async Task Head_answers_with_the_headers_of_get_and_honours_conditions()
    {
        await using var server = await NewsGraphServer.StartAsync();
        using var get = await server.Http.GetAsync("/feeds/atom.xml");

        using var head = await SendAsync(server, HttpMethod.Head, "/feeds/atom.xml", _ => { });
        using var conditionalHead = await SendAsync(server, HttpMethod.Head, "/feeds/atom.xml", r => r.Headers.IfNoneMatch.Add(get.Headers.ETag!));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.LastModified, head.Content.Headers.LastModified);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, conditionalHead.StatusCode);
    }

    [Fact]
    public async Task A_304_costs_one_small_query_without_article_bodies()
    {
        await using var server = await NewsGraphServer.StartAsync();
        using var first = await server.Http.GetAsync("/feeds/rss.xml");
        server.SqlCommands.Reset();

        using var notModified = await SendAsync(server, HttpMethod.Get, "/feeds/rss.xml", r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        var command = Assert.Single(server.SqlCommands.Commands);
        Assert.DoesNotContain("Body", command, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/feeds/rss.xml")]
    [InlineData("/feeds/categories/news/feed.json")]
    [InlineData("/feeds/authors/sofia-ribeiro/atom.xml")]
    public async Task A_new_publication_changes_the_etag_and_the_feed(string path)
    {
        await using var server = await NewsGraphServer.StartAsync([new("Site:BaseUrl", "https://news.example.com/")]);
        using var before = await server.Http.GetAsync(path);
        var etag = before.Headers.ETag!;

        // The Entertainment draft by Sofia Ribeiro, moved under News, is published now.
        await using (var db = server.Database.CreateContext())
        {
            var news = db.Set<Category>().Single(c => c.Slug == SampleCategories.NewsSlug).Id;
            await UpdateArticleAsync(server.Database, "draft-festival-preview", a =>
            {
                a.Status = ArticleStatus.Published;
                a.PublishedAt = a.UpdatedAt = DateTime.UtcNow;
                a.CategoryId = news;
            });
        }

        using var after = await SendAsync(server, HttpMethod.Get, path, r => r.Headers.IfNoneMatch.Add(etag));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        Assert.True(after.Content.Headers.LastModified > before.Content.Headers.LastModified);
        var feed = await ParseDocumentAsync(await after.Content.ReadAsStringAsync());
        Assert.Equal("https://news.example.com/articles/draft-festival-preview", Text(Items(feed)[0], "link"));
    }

    private static async Task<HttpResponseMessage> SendAsync(NewsGraphServer server, HttpMethod method, string path, Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(method, path);
        configure(request);
        return await server.Http.SendAsync(request);
    }

    private static DateTime Truncate(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
