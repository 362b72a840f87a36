using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Tags;

public sealed class TagByIdDataLoader(IServiceProvider services) : EntityByKeyDataLoader<int, Tag>(services)
{
    protected override IQueryable<Tag> Query(NewsDbContext db, IReadOnlyList<int> keys) => db.Tags.Where(t => keys.Contains(t.Id));

    protected override int KeyOf(Tag entity) => entity.Id;
}

public sealed class TagBySlugDataLoader(IServiceProvider services) : EntityByKeyDataLoader<string, Tag>(services)
{
    protected override IQueryable<Tag> Query(NewsDbContext db, IReadOnlyList<string> keys) => db.Tags.Where(t => keys.Contains(t.Slug));

    protected override string KeyOf(Tag entity) => entity.Slug;
}

/// <summary>The tags of many articles through the join table, in one query.</summary>
public sealed class TagsByArticleIdDataLoader(IServiceProvider services) : GroupedDataLoader<int, Tag>
{
    protected override async Task<ILookup<int, Tag>> LoadGroupsAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await services.CreateNewsDbContextAsync(cancellationToken);
        var rows = await db.ArticleTags
            .Where(at => keys.Contains(at.ArticleId))
            .OrderBy(at => at.Tag.Name)
            .Select(at => new { at.ArticleId, at.Tag })
            .ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.ArticleId, r => r.Tag);
    }
}
