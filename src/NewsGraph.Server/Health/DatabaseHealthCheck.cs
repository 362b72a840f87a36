using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Health;

/// <summary>Ready only while the database answers: without it the instance can serve nothing.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<NewsDbContext> databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("The database answers.")
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
#pragma warning disable CA1031 // Any failure to reach the database is the answer "unhealthy", not an error of the endpoint.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", ex);
        }
    }
}
