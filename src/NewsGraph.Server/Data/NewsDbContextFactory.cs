using Microsoft.EntityFrameworkCore;

namespace NewsGraph.Server.Data;

/// <summary>
/// Hands out the configured provider's context as a <see cref="NewsDbContext"/>: resolvers, loaders and the outbox ask
/// for <see cref="IDbContextFactory{NewsDbContext}"/> and never learn which database they talk to.
/// </summary>
internal sealed class NewsDbContextFactory<TContext>(IDbContextFactory<TContext> contexts) : IDbContextFactory<NewsDbContext>
    where TContext : NewsDbContext
{
    public NewsDbContext CreateDbContext() => contexts.CreateDbContext();

    public async Task<NewsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
}
