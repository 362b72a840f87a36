using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Health;

/// <summary>
/// Ready only while the database serves a read: without it the instance can serve nothing. Opening a connection
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
            // Any row or none: what matters is that the table can be read, drafts included.
            _ = await db.Set<Article>().IgnoreQueryFilters().Select(a => a.Id).FirstOrDefaultAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database serves reads.");
        }
#pragma warning disable CA1031 // Any failure to read is the answer "unhealthy", not an error of the endpoint.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The database cannot serve a read.", ex);
        }
    }
}
