using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Categories;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Feeds;

/// <summary>
/// The reads behind the feeds, through a reader's context (published articles only, the query filter): the scope by
/// slug, the ids and change times of a feed's newest articles (what its entity tag is made of, without any body), and
/// the articles themselves. Newest first is (PublishedAt, Id) descending, the (Status, PublishedAt, Id) index.
/// </summary>
internal sealed class ArticleFeedQuery(IDbContextFactory<NewsDbContext> databases, FeedSettings settings)
{
    /// <summary>The category and every category under it; null when no category has the slug.</summary>
    public async Task<FeedScope?> CategoryAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var tree = await CategoryTree.LoadAsync(db, cancellationToken);
        if (tree.FindId(slug) is not int id)
        {
            return null;
        }

        var name = await db.Categories.Where(c => c.Id == id).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        return name is null ? null : FeedScope.Category(slug, name, tree.WithDescendants(id));
    }

    /// <summary>The author's articles; null when no author has the slug.</summary>
    public async Task<FeedScope?> AuthorAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var author = await db.Authors.Where(a => a.Slug == slug).Select(a => new { a.Id, a.Name }).SingleOrDefaultAsync(cancellationToken);
        return author is null ? null : FeedScope.Author(slug, author.Name, author.Id);
    }

    /// <summary>Id and last change of each of the feed's articles, newest first: one small query, no bodies.</summary>
    public async Task<IReadOnlyList<FeedArticleVersion>> VersionsAsync(FeedScope scope, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await Newest(db, scope).Select(a => new FeedArticleVersion(a.Id, a.UpdatedAt)).ToListAsync(cancellationToken);
    }

    /// <summary>The feed's articles, newest first, with author and category joined into the same statement.</summary>
    public async Task<IReadOnlyList<FeedArticle>> ArticlesAsync(FeedScope scope, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var newest = Newest(db, scope);
        var rows = settings.IncludeContent
            ? newest.Select(a => new FeedArticle(a.Id, a.Version, a.Slug, a.Title, a.Summary, a.Body, a.PublishedAt ?? a.UpdatedAt, a.UpdatedAt, a.Author.Name, a.Author.Slug, a.Category.Name, a.Category.Slug, a.HeroImageUrl))
            : newest.Select(a => new FeedArticle(a.Id, a.Version, a.Slug, a.Title, a.Summary, null, a.PublishedAt ?? a.UpdatedAt, a.UpdatedAt, a.Author.Name, a.Author.Slug, a.Category.Name, a.Category.Slug, a.HeroImageUrl));
        return await rows.ToListAsync(cancellationToken);
    }

    private IQueryable<Article> Newest(NewsDbContext db, FeedScope scope)
    {
        var articles = db.Articles;
        if (scope.Filter is not null)
        {
            articles = articles.Where(scope.Filter);
        }

        return articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(settings.ItemCount);
    }
}

internal sealed record FeedArticleVersion(int Id, DateTime UpdatedAt);

internal sealed record FeedArticle(
    int Id,
    int Version,
    string Slug,
    string Title,
    string? Summary,
    string? Body,
    DateTime PublishedAt,
    DateTime UpdatedAt,
    string AuthorName,
    string AuthorSlug,
    string CategoryName,
    string CategorySlug,
    string? HeroImageUrl);
