using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsGraph.GraphQL.Subscriptions;

namespace NewsGraph.GraphQL.Redis;

public static class RedisTopicEventBusServiceCollectionExtensions
{
    /// <summary>
    /// The Redis event bus as <see cref="ITopicEventSender"/> and <see cref="ITopicEventReceiver"/>, configured by the
    /// registered <see cref="RedisTopicEventBusOptions"/>.
    /// </summary>
    public static IServiceCollection AddRedisTopicEventBus(this IServiceCollection services, TopicEventBusOptions? hubOptions = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddTopicEventHub(hubOptions);
        services.TryAddSingleton<RedisTopicEventBus>();
        services.TryAddSingleton<ITopicEventSender>(sp => sp.GetRequiredService<RedisTopicEventBus>());
        services.TryAddSingleton<ITopicEventReceiver>(sp => sp.GetRequiredService<RedisTopicEventBus>());
        return services;
    }

    /// <summary>The same with the given options.</summary>
    public static IServiceCollection AddRedisTopicEventBus(
        this IServiceCollection services,
        RedisTopicEventBusOptions options,
        TopicEventBusOptions? hubOptions = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(options);
        return services.AddRedisTopicEventBus(hubOptions);
    }

    /// <summary>A health check that fails while the Redis event bus cannot reach Redis.</summary>
    public static IHealthChecksBuilder AddRedisTopicEventBus(this IHealthChecksBuilder builder, string name = "redis", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<RedisTopicEventBusHealthCheck>(name, HealthStatus.Unhealthy, tags ?? []);
    }
}
