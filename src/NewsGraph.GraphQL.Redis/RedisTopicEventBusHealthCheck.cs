using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsGraph.GraphQL.Redis;

/// <summary>Ready only while the bus can reach Redis: without it, this instance neither sends nor receives events.</summary>
public sealed class RedisTopicEventBusHealthCheck(RedisTopicEventBus bus) : IHealthCheck
{
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!bus.IsConnected)
        {
            return HealthCheckResult.Unhealthy("Not connected to Redis.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PingTimeout);
        try
        {
            var latency = await bus.PingAsync(timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms.");
        }
#pragma warning disable CA1031 // Any failure to reach Redis is the answer "unhealthy", not an error of the health endpoint.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("Redis did not answer.", ex);
        }
    }
}
