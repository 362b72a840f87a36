using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Data.Filtering;
using NewsGraph.Server.Data;

namespace NewsGraph.Benchmarks.Throughput;

/// <summary>
/// The five workloads as a hand-written EF Core data layer would answer them: one query each, projected to exactly
/// the columns shown (the context reads untracked). Visibility, order and matching are NewsGraph's: published articles
/// only, newest first (publishedAt, then id, both descending), tags by name, Unicode case-insensitive <c>contains</c>.
/// </summary>
internal static class BaselineQueries
{
    public const int PageSize = 10;

    public static Task<List<TeaserRow>> FrontPageAsync(NewsDbContext db, CancellationToken ct) =>
        TeasersAsync(db, Newest(db.Articles), ct);

    /// <summary>The category named by <paramref name="categorySlug"/> and every category under it, like <c>recentArticles</c>.</summary>
    public static async Task<List<TeaserRow>> CategoryPageAsync(NewsDbContext db, string categorySlug, CancellationToken ct)
    {
        var categories = await db.Categories.Select(c => new { c.Id, c.ParentId, c.Slug }).ToListAsync(ct);
        var root = categories.FirstOrDefault(c => string.Equals(c.Slug, categorySlug, StringComparison.Ordinal));
        if (root is null)
        {
            return [];
        }

        var childrenByParent = categories.ToLookup(c => c.ParentId, c => c.Id);
        var ids = new List<int>();
        var pending = new Stack<int>([root.Id]);
        while (pending.Count > 0 && ids.Count <= categories.Count)
        {
            int id = pending.Pop();
            ids.Add(id);
            foreach (int child in childrenByParent[id])
            {
                pending.Push(child);
            }
        }

        var articles = db.Articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt != null && ids.Contains(a.CategoryId));
        return await TeasersAsync(db, Newest(articles), ct);
    }

    /// <summary>The page after the row whose keys the cursor carries (the same leading range the server's keyset predicate has).</summary>
    public static Task<List<TeaserRow>> PageAfterAsync(NewsDbContext db, DateTime publishedAt, int id, CancellationToken ct) =>
        TeasersAsync(db, Newest(db.Articles.Where(a =>
                a.PublishedAt <= publishedAt
                && (a.PublishedAt < publishedAt || (a.PublishedAt == publishedAt && a.Id < id)))), ct);

    public static Task<List<TeaserRow>> TitleSearchAsync(NewsDbContext db, string term, CancellationToken ct)
    {
        string folded = CaseFolding.Fold(term)!;
        return TeasersAsync(db, Newest(db.Articles.Where(a => CaseFolding.Fold(a.Title)!.Contains(folded))), ct);
    }

    public static async Task<ArticlePageRow?> ArticlePageAsync(NewsDbContext db, string slug, CancellationToken ct)
    {
        var article = await db.Articles
            .Where(a => a.Slug == slug)
            .Select(a => new ArticlePageRow(
                a.Id,
                a.Title,
                a.Summary,
                a.Body,
                a.PublishedAt,
                a.CanonicalUrl,
                a.WordCount,
                a.ReadingTimeMinutes,
                a.Author.Name,
                a.Author.Bio,
                a.Category.Name,
                a.Category.Parent == null ? null : a.Category.Parent.Name))
            .FirstOrDefaultAsync(ct);
        if (article is not null)
        {
            article.Tags = (await TagsAsync(db, [article.Id], ct))[article.Id].ToList();
        }

        return article;
    }

    private static IQueryable<Article> Newest(IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(PageSize);

    private static async Task<List<TeaserRow>> TeasersAsync(NewsDbContext db, IQueryable<Article> articles, CancellationToken ct)
    {
        var teasers = await articles.Select(a => new TeaserRow(
            a.Id,
            a.Slug,
            a.Title,
            a.Summary,
            a.PublishedAt,
            a.ReadingTimeMinutes,
            a.IsBreaking,
            new NameAndSlug(a.Author.Name, a.Author.Slug),
            new NameAndSlug(a.Category.Name, a.Category.Slug)))
            .ToListAsync(ct);
        var tags = await TagsAsync(db, [.. teasers.Select(t => t.Id)], ct);
        foreach (var teaser in teasers)
        {
            teaser.Tags = [.. tags[teaser.Id]];
        }

        return teasers;
    }

    private static async Task<ILookup<int, NameAndSlug>> TagsAsync(NewsDbContext db, IReadOnlyList<int> articleIds, CancellationToken ct)
    {
        var links = await db.ArticleTags
            .Where(at => articleIds.Contains(at.ArticleId))
            .OrderBy(at => at.Tag.Name)
            .Select(at => new { at.ArticleId, at.Tag.Name, at.Tag.Slug })
            .ToListAsync(ct);
        return links.ToLookup(l => l.ArticleId, l => new NameAndSlug(l.Name, l.Slug));
    }
}
