using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Health;

/// <summary>
/// Ready only while the database has every migration of this build and serves a read: without them the instance can
/// serve nothing, or only queries that fail on a column it does not have yet. Opening a connection
/// proves little (for SQLite EF Core only looks whether the file exists), so the check reads one article id — the
/// first row of the table, the cheapest read there is — and fails on any error: a file that is not a database, a
/// missing table, a file system that refuses SQLite's WAL files, a lock held longer than <see cref="LockWait"/>.
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<NewsDbContext> databases) : IHealthCheck
{
    /// <summary>How long the read may wait for a lock (SQLite's command timeout, in whole seconds).</summary>
    internal static readonly TimeSpan LockWait = TimeSpan.FromSeconds(1);

    /// <summary>The check's own timeout (the health check service reports it unhealthy when it takes longer).</summary>
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            db.Database.SetCommandTimeout(LockWait);
            // A schema older than this build (started with Database:Migrate=false before `migrate` ran, or a migration
            // that failed) is named, so whoever reads the check knows which step is missing.
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                return HealthCheckResult.Unhealthy(
                    $"The database lacks {pending.Count} migration(s) of this build: {string.Join(", ", pending)}. Apply them (the `migrate` command, or start with Database:Migrate=true).");
            }

            // Any row or none: what matters is that the table can be read, drafts included.
            _ = await db.Set<Article>().IgnoreQueryFilters().Select(a => a.Id).FirstOrDefaultAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database is migrated and serves reads.");
        }
#pragma warning disable CA1031 // Any failure to read is the answer "unhealthy", not an error of the endpoint.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The database cannot serve a read.", ex);
        }
    }
}
