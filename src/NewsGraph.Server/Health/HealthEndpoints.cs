using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace NewsGraph.Server.Health;

/// <summary>
/// <c>/health/live</c>: the process runs (no check, so a load balancer never restarts an instance that only waits
/// for Redis). <c>/health/ready</c>: the database serves a read and, when configured, Redis is connected; 503 otherwise,
/// so traffic goes elsewhere until this instance can deliver events.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapNewsHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
