using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Categories;

public sealed class CategoryByIdDataLoader(IServiceProvider services) : EntityByKeyDataLoader<int, Category>(services)
{
    protected override IQueryable<Category> Query(NewsDbContext db, IReadOnlyList<int> keys) => db.Categories.Where(c => keys.Contains(c.Id));

    protected override int KeyOf(Category entity) => entity.Id;
}

public sealed class CategoryBySlugDataLoader(IServiceProvider services) : EntityByKeyDataLoader<string, Category>(services)
{
    protected override IQueryable<Category> Query(NewsDbContext db, IReadOnlyList<string> keys) => db.Categories.Where(c => keys.Contains(c.Slug));

    protected override string KeyOf(Category entity) => entity.Slug;
}

public sealed class CategoriesByParentIdDataLoader(IServiceProvider services) : GroupedDataLoader<int, Category>
{
    protected override async Task<ILookup<int, Category>> LoadGroupsAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await services.CreateNewsDbContextAsync(cancellationToken);
        var children = await db.Categories
            .Where(c => c.ParentId != null && keys.Contains(c.ParentId.Value))
            .OrderBy(c => c.Position).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        return children.ToLookup(c => c.ParentId!.Value);
    }
}

/// <summary>Articles filed directly under each category: one windowed query for all categories.</summary>
public sealed class ArticlesByCategoryIdDataLoader(IServiceProvider services)
    : ConnectionDataLoader<int, Article>(services)
{
    protected override Expression<Func<Article, int>> ParentKey => a => a.CategoryId;

    protected override IQueryable<Article> Source(NewsDbContext db) => db.Articles;
}

/// <summary>
/// Articles of each category and of every category under it. An article then belongs to several
/// requested categories at once (Archive's articles are News's too), which a single partitioned query
/// cannot express, so this runs one keyset query per requested category inside the batch; categories
/// are a navigation menu, so that is a handful of indexed queries at most.
/// </summary>
public sealed class ArticlesInCategoryTreeDataLoader(IServiceProvider services)
    : ConnectionDataLoader<int, Article>(services)
{
    protected override Expression<Func<Article, int>> ParentKey => a => a.CategoryId;

    protected override IQueryable<Article> Source(NewsDbContext db) => db.Articles;

    protected override async Task<IReadOnlyDictionary<int, Connection<Article>>> LoadConnectionsAsync(
        NewsDbContext db,
        IQueryable<Article> source,
        IReadOnlyList<int> parentKeys,
        ConnectionRequest<Article> request,
        CancellationToken cancellationToken)
    {
        var tree = await CategoryTree.LoadAsync(db, cancellationToken);
        var result = new Dictionary<int, Connection<Article>>(parentKeys.Count);
        foreach (var categoryId in parentKeys)
        {
            var categoryIds = tree.WithDescendants(categoryId);
            result[categoryId] = await source
                .Where(a => categoryIds.Contains(a.CategoryId))
                .ToConnectionAsync(request, cancellationToken);
        }

        return result;
    }
}
