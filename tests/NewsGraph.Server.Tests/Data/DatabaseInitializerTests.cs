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
    public async Task The_model_has_no_changes_missing_from_the_migrations()
    {
        // The server no longer runs EF Core's migrator on an up-to-date database (which would report this at start-up),
        // so the check lives here: a model change needs a migration.
        await using var database = new TemporaryNewsDatabase();
        await using NewsDbContext db = database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: add one with `dotnet ef migrations add`.");
    }

    [Fact]
    public async Task A_second_start_on_an_up_to_date_database_sends_no_migration_commands()
    {
        await using var database = new TemporaryNewsDatabase();
        await database.InitializeAsync(seedSampleData: false);

        await using NewsDbContext db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync("DROP TABLE IF EXISTS \"__EFMigrationsLock\";");
        await database.InitializeAsync(seedSampleData: false);

        // EF Core's migrator creates its lock table whenever it runs; on an up-to-date database it must not run.
        int lockTables = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM sqlite_master WHERE name = '__EFMigrationsLock'").SingleAsync();
        Assert.Equal(0, lockTables);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
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
