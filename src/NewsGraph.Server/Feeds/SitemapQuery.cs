using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Feeds;

/// <summary>
/// The reads behind the sitemaps, through a reader's context (published articles only). Sitemap pages are ranges of
/// article ids, <c>(n-1)·size+1</c> … <c>n·size</c>: page n is a primary-key range seek at any depth (no OFFSET), holds at
/// most <c>size</c> URLs, and keeps its URLs while newer articles are published (only the last page grows), so
/// crawlers and caches see old pages unchanged.
/// </summary>
internal sealed class SitemapQuery(IDbContextFactory<NewsDbContext> databases, FeedSettings settings, TimeProvider clock)
{
    /// <summary>Google News lists articles of the last two days only.</summary>
    public static readonly TimeSpan NewsWindow = TimeSpan.FromDays(2);

    /// <summary>Google's limit of URLs in a news sitemap.</summary>
    public const int NewsMaxUrls = 1000;

    /// <summary>The pages that hold at least one published article, with their newest change: one grouped read.</summary>
    public async Task<IReadOnlyList<SitemapPage>> PagesAsync(CancellationToken cancellationToken)
    {
        var size = settings.SitemapPageSize;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var pages = await db.Articles
            .GroupBy(a => (a.Id - 1) / size)
            .Select(g => new { Index = g.Key, LastModified = g.Max(a => a.UpdatedAt) })
            .ToListAsync(cancellationToken);
        return [.. pages.OrderBy(p => p.Index).Select(p => new SitemapPage(p.Index + 1, p.LastModified))];
    }

    /// <summary>The published articles of page <paramref name="page"/> (1-based) in id order; empty past the last id.</summary>
    public async Task<IReadOnlyList<SitemapArticle>> PageAsync(int page, CancellationToken cancellationToken)
    {
        var size = settings.SitemapPageSize;
        var first = ((long)page - 1) * size + 1;
        if (page < 1 || first > int.MaxValue)
        {
            return [];
        }

        var firstId = (int)first;
        var lastId = (int)Math.Min(first + size - 1, int.MaxValue);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Articles
            .Where(a => a.Id >= firstId && a.Id <= lastId)
            .OrderBy(a => a.Id)
            .Select(a => new SitemapArticle(a.Id, a.Slug, a.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Articles published in the last two days by the server's clock, newest first, at most 1,000.</summary>
    public async Task<IReadOnlyList<NewsSitemapArticle>> NewsAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime - NewsWindow;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Articles
            .Where(a => a.PublishedAt >= since)
            .OrderByDescending(a => a.PublishedAt)
            .ThenByDescending(a => a.Id)
            .Take(NewsMaxUrls)
            .Select(a => new NewsSitemapArticle(a.Id, a.Slug, a.Title, a.PublishedAt!.Value, a.UpdatedAt))
            .ToListAsync(cancellationToken);
    }
}

internal sealed record SitemapPage(int Number, DateTime LastModified);

internal sealed record SitemapArticle(int Id, string Slug, DateTime UpdatedAt);

internal sealed record NewsSitemapArticle(int Id, string Slug, string Title, DateTime PublishedAt, DateTime UpdatedAt);
