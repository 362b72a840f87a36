using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Data.Filtering;
using NewsGraph.Server.Search;

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

    /// <summary>
    /// Migrates; on SQLite switches to WAL so readers do not block the writer, on PostgreSQL checks that the database
    /// folds case beyond ASCII (case-insensitive filters depend on it).
    /// </summary>
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

        // Articles written before search existed (or by another system) get their search documents.
        await ArticleSearchBackfill.RunAsync(db, ct);

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
        else if (db.Database.IsNpgsql())
        {
            await RequireUnicodeCaseFoldingAsync(db, ct);
        }
    }

    /// <summary>
    /// Case-insensitive filters compare <c>upper()</c> of both sides (CaseFolding), and PostgreSQL's <c>upper()</c>
    /// follows the database's LC_CTYPE: under <c>C</c> or <c>POSIX</c> it folds ASCII only, so "zürich" would not find
    /// "Zürich" and answers would differ from SQLite's. Refuse such a database with what to do rather than answer wrong.
    /// </summary>
    private static async Task RequireUnicodeCaseFoldingAsync(NewsDbContext db, CancellationToken ct)
    {
        const string Sample = "zürich ørsted";
        var folded = await db.Database.SqlQuery<string>($"SELECT upper({Sample}) AS \"Value\"").SingleAsync(ct);
        // Compared exactly, not case-insensitively: the question is whether the database folded the sample as .NET does.
        if (!string.Equals(folded, CaseFolding.Fold(Sample), StringComparison.Ordinal))
        {
            var ctype = await db.Database.SqlQueryRaw<string>("SELECT datctype AS \"Value\" FROM pg_database WHERE datname = current_database()").SingleAsync(ct);
            throw new InvalidOperationException(
                $"The PostgreSQL database's LC_CTYPE is '{ctype}', whose upper() folds ASCII only; NewsGraph's case-insensitive filters need Unicode case folding. " +
                "Create the database with a UTF-8 locale, e.g. CREATE DATABASE newsgraph ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0.");
        }
    }
}
