using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Data;

/// <summary>The server's contexts are pooled: a context an editor used comes back to the next user as a reader's.</summary>
public sealed class PooledContextTests
{
    [Fact]
    public async Task A_context_returned_by_an_editor_is_handed_out_again_as_a_readers()
    {
        await using var server = await NewsGraphServer.StartAsync();
        await (server.Database.Provider switch
        {
            DatabaseProvider.Sqlite => AssertPoolHandsOutReadersAsync<SqliteNewsDbContext>(server),
            _ => AssertPoolHandsOutReadersAsync<PostgreSqlNewsDbContext>(server),
        });
    }

    private static async Task AssertPoolHandsOutReadersAsync<TContext>(NewsGraphServer server)
        where TContext : NewsDbContext
    {
        // The server's contexts come from a pool…
        Assert.IsType<PooledDbContextFactory<TContext>>(server.Services.GetRequiredService<IDbContextFactory<TContext>>());
        // …and a pool of one with the server's options hands the same instance out again: the server's own pool is shared
        // with its background services (the outbox dispatcher), which may take the returned context first.
        var factory = new PooledDbContextFactory<TContext>(server.Services.GetRequiredService<DbContextOptions<TContext>>(), poolSize: 1);

        NewsDbContext editorsContext;
        await using (var editor = await factory.CreateDbContextAsync())
        {
            editorsContext = editor;
            editor.WithUnpublished();
            Assert.True(await editor.Articles.AnyAsync(a => a.Status == ArticleStatus.Draft));
        }

        await using var next = await factory.CreateDbContextAsync();

        // The same instance (so the pool is really in use, and this test proves the reset)…
        Assert.Same(editorsContext, next);
        // …but a reader's: no drafts.
        Assert.False(next.IncludeUnpublished);
        Assert.False(await next.Articles.AnyAsync(a => a.Status == ArticleStatus.Draft));
    }
}
