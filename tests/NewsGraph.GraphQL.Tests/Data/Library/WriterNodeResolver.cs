using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.GraphQL.Tests.Data.Library;

public sealed class WriterNodeResolver : INodeResolver
{
    public string TypeName => "Writer";

    public List<IReadOnlyList<int>> Calls { get; } = [];

    public async Task<IReadOnlyDictionary<int, object>> ResolveAsync(IReadOnlyList<int> ids, IServiceProvider services, CancellationToken cancellationToken)
    {
        Calls.Add(ids);
        await using var db = await services.GetRequiredService<IDbContextFactory<LibraryDbContext>>().CreateDbContextAsync(cancellationToken);
        return await db.Writers.AsNoTracking().Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => (object)w, cancellationToken);
    }
}
