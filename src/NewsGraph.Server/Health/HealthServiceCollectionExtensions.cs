using NewsGraph.GraphQL.Redis;

namespace NewsGraph.Server.Health;

public static class HealthServiceCollectionExtensions
{
    /// <summary>Checks tagged <see cref="HealthEndpoints.ReadyTag"/> decide readiness; liveness runs no check.</summary>
    public static IServiceCollection AddNewsHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag], timeout: DatabaseHealthCheck.Timeout);
        // Same switch as the event bus: a Redis check only where Redis carries the events.
        if (!string.IsNullOrWhiteSpace(configuration[$"{RedisTopicEventBusOptions.SectionName}:{nameof(RedisTopicEventBusOptions.Configuration)}"]))
        {
            checks.AddRedisTopicEventBus("redis", [HealthEndpoints.ReadyTag]);
        }

        return services;
    }
}
