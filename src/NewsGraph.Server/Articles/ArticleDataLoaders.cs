using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Articles;

public sealed class ArticleByIdDataLoader(IServiceProvider services) : EntityByKeyDataLoader<int, Article>(services)
{
    protected override IQueryable<Article> Query(NewsDbContext db, IReadOnlyList<int> keys) => db.Articles.Where(a => keys.Contains(a.Id));

    protected override int KeyOf(Article entity) => entity.Id;
}

public sealed class ArticleBySlugDataLoader(IServiceProvider services) : EntityByKeyDataLoader<string, Article>(services)
{
    protected override IQueryable<Article> Query(NewsDbContext db, IReadOnlyList<string> keys) => db.Articles.Where(a => keys.Contains(a.Slug));

    protected override string KeyOf(Article entity) => entity.Slug;
}
