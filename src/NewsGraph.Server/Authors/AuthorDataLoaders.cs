using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Authors;

public sealed class AuthorByIdDataLoader(IServiceProvider services) : BatchDataLoader<int, Author>
{
    protected override async Task<IReadOnlyDictionary<int, Author>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await services.CreateNewsDbContextAsync(cancellationToken);
        return await db.Authors.Where(a => keys.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
    }
}

public sealed class AuthorBySlugDataLoader(IServiceProvider services) : BatchDataLoader<string, Author>
{
    protected override async Task<IReadOnlyDictionary<string, Author>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await services.CreateNewsDbContextAsync(cancellationToken);
        return await db.Authors.Where(a => keys.Contains(a.Slug)).ToDictionaryAsync(a => a.Slug, StringComparer.Ordinal, cancellationToken);
    }
}

/// <summary>One page of each author's articles, for all authors of a request in one SQL command.</summary>
public sealed class ArticlesByAuthorIdDataLoader(IServiceProvider services)
    : ConnectionDataLoader<int, Article>(services)
{
    protected override IQueryable<Article> Source(NewsDbContext db) => db.Articles;

    protected override System.Linq.Expressions.Expression<Func<Article, int>> ParentKey => a => a.AuthorId;
}
