using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Search;

/// <summary>
/// Indexes articles that have no search document: every article of a database that existed before search did (the
/// migration creates the index, but turning Markdown into text is the application's), and rows another system
/// inserted. Runs with every migration check at start-up; on an indexed database it is one anti-join that finds nothing.
/// </summary>
internal static class ArticleSearchBackfill
{
    private const int BatchSize = 500;

    public static async Task<int> RunAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        var indexed = 0;
        while (true)
        {
            var articles = await db.Set<Article>().IgnoreQueryFilters().AsNoTracking()
                .Where(article => !db.Set<ArticleSearchDocument>().IgnoreQueryFilters().Any(document => document.ArticleId == article.Id))
                .OrderBy(article => article.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (articles.Count == 0)
            {
                return indexed;
            }

            foreach (var article in articles)
            {
                // By key: the article itself is not tracked and must not be written.
                var document = new ArticleSearchDocument { ArticleId = article.Id };
                ArticleSearchDocuments.Update(document, article);
                db.Add(document);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            indexed += articles.Count;
        }
    }
}
