using NewsGraph.GraphQL.Http;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Site;

namespace NewsGraph.Server.Feeds;

/// <summary>
/// RSS, Atom and JSON Feed of the newest published articles, for the site, a category (with its subcategories) and
/// an author: <c>/feeds/{rss.xml|atom.xml|feed.json}</c>, <c>/feeds/categories/{slug}/…</c>,
/// <c>/feeds/authors/{slug}/…</c>. Each answer is validated first from the items' ids and change times (one small
/// query without bodies), so a conditional GET that matches costs no more than that and is a 304.
/// </summary>
internal static class FeedRoutes
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapFeedRoutes(this IEndpointRouteBuilder endpoints)
    {
        foreach (var writer in new IFeedWriter[] { new RssFeedWriter(), new AtomFeedWriter(), new JsonFeedWriter() })
        {
            endpoints.MapMethods($"/feeds/{writer.FileName}", GetAndHead, (HttpContext http, CancellationToken cancellationToken) =>
                ServeAsync(http, writer, _ => Task.FromResult<FeedScope?>(FeedScope.Site), cancellationToken));
            endpoints.MapMethods($"/feeds/categories/{{slug}}/{writer.FileName}", GetAndHead, (HttpContext http, string slug, CancellationToken cancellationToken) =>
                ServeAsync(http, writer, query => query.CategoryAsync(slug, cancellationToken), cancellationToken));
            endpoints.MapMethods($"/feeds/authors/{{slug}}/{writer.FileName}", GetAndHead, (HttpContext http, string slug, CancellationToken cancellationToken) =>
                ServeAsync(http, writer, query => query.AuthorAsync(slug, cancellationToken), cancellationToken));
        }

        return endpoints;
    }

    private static async Task ServeAsync(HttpContext http, IFeedWriter writer, Func<ArticleFeedQuery, Task<FeedScope?>> findScope, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var query = services.GetRequiredService<ArticleFeedQuery>();
        var settings = services.GetRequiredService<FeedSettings>();
        var site = services.GetRequiredService<SiteSettings>();
        if (await findScope(query) is not { } scope)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var versions = await query.VersionsAsync(scope, cancellationToken);
        if (ConditionalGet.TryAnswerNotModified(http, Validators(writer, scope, settings, site, versions), settings.CacheMaxAge)
            || HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        var articles = await query.ArticlesAsync(scope, cancellationToken);
        // The validators describe what is sent: an article changed between the two reads makes them follow it.
        ConditionalGet.SetValidators(http.Response, Validators(writer, scope, settings, site, [.. articles.Select(a => new FeedArticleVersion(a.Id, a.UpdatedAt))]), settings.CacheMaxAge);
        var feed = Build(writer, scope, articles, site, services.GetRequiredService<SiteLinks>(), services.GetRequiredService<ArticleBodyRenderer>());

        // At most Feeds:ItemCount articles: the document is written in memory, then sent with its length.
        using var buffer = new MemoryStream();
        writer.Write(buffer, feed);
        http.Response.ContentType = writer.ContentType;
        http.Response.ContentLength = buffer.Length;
        await http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
    }

    private static HttpValidators Validators(IFeedWriter writer, FeedScope scope, FeedSettings settings, SiteSettings site, IReadOnlyList<FeedArticleVersion> versions)
    {
        // Everything the document depends on: the format (its own tag), the scope, the settings that shape it and each
        // article's id and last change; the category's or author's name changes with their articles' next change.
        var fingerprint = HttpValidators.Fingerprint()
            .Add("feed/1").Add(writer.FileName).Add(scope.Key).Add(scope.Name)
            .Add(site.BaseUrl.AbsoluteUri).Add(site.Name).Add(site.Description).Add(site.Language)
            .Add(settings.ItemCount).Add(settings.IncludeContent ? 1 : 0);
        foreach (var version in versions)
        {
            fingerprint.Add(version.Id).AddChange(new DateTimeOffset(version.UpdatedAt, TimeSpan.Zero));
        }

        return fingerprint.Build();
    }

    private static Feed Build(IFeedWriter writer, FeedScope scope, IReadOnlyList<FeedArticle> articles, SiteSettings site, SiteLinks links, ArticleBodyRenderer renderer)
    {
        var title = scope.Name is null ? site.Name : $"{site.Name}: {scope.Name}";
        var entries = articles.Select(a => new FeedEntry(
            XmlText.Clean(a.Title),
            links.Article(a.Slug),
            XmlText.CleanOrNull(a.Summary),
            a.Body is null ? null : XmlText.Clean(renderer.Render(new Data.Article { Id = a.Id, Version = a.Version, Body = a.Body })),
            new DateTimeOffset(a.PublishedAt, TimeSpan.Zero),
            new DateTimeOffset(a.UpdatedAt, TimeSpan.Zero),
            XmlText.Clean(a.AuthorName),
            links.Author(a.AuthorSlug),
            XmlText.Clean(a.CategoryName),
            a.CategorySlug,
            Uri.TryCreate(a.HeroImageUrl, UriKind.Absolute, out var image) ? image : null)).ToList();
        var updated = entries.Count == 0 ? DateTimeOffset.UnixEpoch : entries.Max(e => e.Updated);
        return new Feed(XmlText.Clean(title), XmlText.Clean(site.Description), site.Language, scope.PageLink(links), links.Resolve(scope.Path + writer.FileName), updated, entries);
    }
}
