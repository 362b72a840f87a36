using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Tags;

public sealed class TagByIdDataLoader(IServiceProvider services) : BatchDataLoader<int, Tag>
{
    protected override async Task<IReadOnlyDictionary<int, Tag>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await services.CreateNewsDbContextAsync(cancellationToken);
        return await db.Tags.Where(t => keys.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
    }
}

public sealed class TagBySlugDataLoader(IServiceProvider services) : BatchDataLoader<string, Tag>
{
    protected override async Task<IReadOnlyDictionary<string, Tag>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await services.CreateNewsDbContextAsync(cancellationToken);
        return await db.Tags.Where(t => keys.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal, cancellationToken);
    }
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
