using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Search;

/// <summary>
/// Keeps the search index in step with the articles in the same transaction: when a SaveChanges of a
/// <see cref="NewsDbContext"/> writes a new article, or changes an article's title, summary, body or dates, it writes
/// the article's <see cref="ArticleSearchDocument"/> too, as part of that same SaveChanges (both commit or neither
/// does). Deleting an article deletes its document by cascade. Status changes need nothing: visibility is read from the
/// article when searching.
/// </summary>
public sealed class ArticleSearchIndexing : SaveChangesInterceptor
{
    private static readonly string[] IndexedProperties =
        [nameof(Article.Title), nameof(Article.Summary), nameof(Article.Body), nameof(Article.PublishedAt), nameof(Article.CreatedAt)];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is NewsDbContext db)
        {
            foreach (var (article, isNew) in ChangedArticles(db))
            {
                Index(db, article, Tracked(db, article, isNew) ?? (isNew ? null : Documents(db, article.Id).FirstOrDefault()));
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is NewsDbContext db)
        {
            foreach (var (article, isNew) in ChangedArticles(db))
            {
                Index(db, article, Tracked(db, article, isNew) ?? (isNew ? null : await Documents(db, article.Id).FirstOrDefaultAsync(cancellationToken)));
            }
        }

        return result;
    }

    // New articles (their id is not known yet: the document follows the article through its navigation) and articles
    // whose indexed text or dates changed. A list: adding documents changes the change tracker being read.
    private static List<(Article Article, bool IsNew)> ChangedArticles(NewsDbContext db) =>
        db.ChangeTracker.Entries<Article>()
            .Where(entry => entry.State == EntityState.Added
                || (entry.State == EntityState.Modified && IndexedProperties.Any(name => entry.Property(name).IsModified)))
            .Select(entry => (entry.Entity, entry.State == EntityState.Added))
            .ToList();

    // Already tracked: read earlier, or added by an earlier attempt of this same save (a save retried after a slug
    // conflict runs this again and must not add a second document). A new article's id is not set yet (every new
    // article's is 0), so its document is recognised by reference.
    private static ArticleSearchDocument? Tracked(NewsDbContext db, Article article, bool isNew) =>
        db.ChangeTracker.Entries<ArticleSearchDocument>()
            .FirstOrDefault(d => isNew ? ReferenceEquals(d.Entity.Article, article) : d.Entity.ArticleId == article.Id)?.Entity;

    // Tracking, whatever the context's default: the document is changed and saved with the article.
    private static IQueryable<ArticleSearchDocument> Documents(NewsDbContext db, int articleId) =>
        db.Set<ArticleSearchDocument>().IgnoreQueryFilters().AsTracking().Where(d => d.ArticleId == articleId);

    // An article without a document (added, or saved before search existed and not yet backfilled) gets one.
    private static void Index(NewsDbContext db, Article article, ArticleSearchDocument? document)
    {
        if (document is null)
        {
            db.Add(ArticleSearchDocuments.Create(article));
        }
        else
        {
            ArticleSearchDocuments.Update(document, article);
        }
    }
}
