using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Tests.Data;

public sealed class DatabaseInitializerTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_without_sample_data()
    {
        await using var database = new TemporaryNewsDatabase();

        await database.InitializeAsync(seedSampleData: false);

        await using NewsDbContext db = database.CreateContext(includeUnpublished: true);
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Categories.CountAsync());
        Assert.Equal(0, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task Initialization_is_idempotent()
    {
        await using var database = new TemporaryNewsDatabase();

        await database.InitializeAsync(seedSampleData: true);
        int[] first = await CountEverythingAsync(database);
        await database.InitializeAsync(seedSampleData: true);
        int[] second = await CountEverythingAsync(database);

        Assert.True(first[0] > 30, $"expected the sample catalogue, found {first[0]} articles");
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Database_runs_in_wal_mode()
    {
        await using var database = new TemporaryNewsDatabase();
        await database.InitializeAsync(seedSampleData: false);

        await using NewsDbContext db = database.CreateContext();
        string mode = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();
        Assert.Equal("wal", mode);
    }

    private static async Task<int[]> CountEverythingAsync(TemporaryNewsDatabase database)
    {
        await using NewsDbContext db = database.CreateContext(includeUnpublished: true);
        return
        [
            await db.Articles.CountAsync(),
            await db.Authors.CountAsync(),
            await db.Categories.CountAsync(),
            await db.Tags.CountAsync(),
            await db.ArticleTags.CountAsync(),
        ];
    }
}
