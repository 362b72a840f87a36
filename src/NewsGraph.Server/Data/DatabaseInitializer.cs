using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NewsGraph.Server.Data;

public static class DatabaseInitializer
{
    /// <summary>
    /// Applies pending migrations and, on an empty catalogue, loads the sample data.
    /// Safe to call on every start: both steps are no-ops the second time.
    /// </summary>
    public static async Task InitializeNewsDatabaseAsync(this IServiceProvider services, bool seedSampleData, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);

        var factory = services.GetRequiredService<IDbContextFactory<NewsDbContext>>();
        await using NewsDbContext db = await factory.CreateDbContextAsync(ct);
        await MigrateAsync(db, ct);

        // Categories, not articles, decide "empty": a catalogue of drafts only is still not empty,
        // and the global filter would hide those articles anyway.
        if (seedSampleData && !await db.Categories.AnyAsync(ct))
        {
            await SampleData.SeedAsync(db, ct);
        }
    }

    /// <summary>Migrates and switches SQLite to WAL so readers do not block the writer.</summary>
    internal static async Task MigrateAsync(NewsDbContext db, CancellationToken ct)
    {
        bool migrated = (await db.Database.GetPendingMigrationsAsync(ct)).Any();
        if (migrated)
        {
            // Only then: MigrateAsync also takes the migrations lock and diffs the model against the snapshot, ~0.2-0.7 s
            // of every start for nothing on an up-to-date database (a test checks that the model has no unmigrated
            // changes, which that diff would report). Instances racing to migrate are serialised by EF Core's lock.
            await db.Database.MigrateAsync(ct);
        }

        if (db.Database.IsSqlite())
        {
            // Persistent per database file; harmless to repeat.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            if (migrated)
            {
                // SQLite's planner trusts its statistics: an index a migration just added has none and looks
                // cheaper than it is (a measured case: the first page of articles sorted the whole table through
                // a new index instead of reading the (Status, PublishedAt, Id) one). Refresh them after a change.
                await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
            }
        }
    }
}
