using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.GraphQL.Tests.Data.Library;

/// <summary>Resolves Book nodes; books whose status is Draft are invisible, as an app would hide them.</summary>
public sealed class BookNodeResolver : INodeResolver
{
    public string TypeName => "Book";

    public List<IReadOnlyList<int>> Calls { get; } = [];

    public async Task<IReadOnlyDictionary<int, object>> ResolveAsync(IReadOnlyList<int> ids, IServiceProvider services, CancellationToken cancellationToken)
    {
        Calls.Add(ids);
        await using var db = await services.GetRequiredService<IDbContextFactory<LibraryDbContext>>().CreateDbContextAsync(cancellationToken);
        return await db.Books.AsNoTracking().Where(b => ids.Contains(b.Id) && b.Status != BookStatus.Draft)
            .ToDictionaryAsync(b => b.Id, b => (object)b, cancellationToken);
    }
}
