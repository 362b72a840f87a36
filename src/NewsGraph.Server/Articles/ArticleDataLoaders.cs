using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Articles;

public sealed class ArticleByIdDataLoader(IServiceProvider services) : BatchDataLoader<int, Article>
{
    protected override async Task<IReadOnlyDictionary<int, Article>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await services.CreateNewsDbContextAsync(cancellationToken);
        return await db.Articles.Where(a => keys.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
    }
}

public sealed class ArticleBySlugDataLoader(IServiceProvider services) : BatchDataLoader<string, Article>
{
    protected override async Task<IReadOnlyDictionary<string, Article>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await services.CreateNewsDbContextAsync(cancellationToken);
        return await db.Articles.Where(a => keys.Contains(a.Slug)).ToDictionaryAsync(a => a.Slug, StringComparer.Ordinal, cancellationToken);
    }
}
