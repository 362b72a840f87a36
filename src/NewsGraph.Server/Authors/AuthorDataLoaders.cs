using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Authors;

public sealed class AuthorByIdDataLoader(IServiceProvider services) : EntityByKeyDataLoader<int, Author>(services)
{
    protected override IQueryable<Author> Query(NewsDbContext db, IReadOnlyList<int> keys) => db.Authors.Where(a => keys.Contains(a.Id));

    protected override int KeyOf(Author entity) => entity.Id;
}

public sealed class AuthorBySlugDataLoader(IServiceProvider services) : EntityByKeyDataLoader<string, Author>(services)
{
    protected override IQueryable<Author> Query(NewsDbContext db, IReadOnlyList<string> keys) => db.Authors.Where(a => keys.Contains(a.Slug));

    protected override string KeyOf(Author entity) => entity.Slug;
}

/// <summary>One page of each author's articles, for all authors of a request in one SQL command.</summary>
public sealed class ArticlesByAuthorIdDataLoader(IServiceProvider services)
    : ConnectionDataLoader<int, Article>(services)
{
    protected override IQueryable<Article> Source(NewsDbContext db) => db.Articles;

    protected override System.Linq.Expressions.Expression<Func<Article, int>> ParentKey => a => a.AuthorId;
}
