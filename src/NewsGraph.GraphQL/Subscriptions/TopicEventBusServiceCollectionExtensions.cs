using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsGraph.GraphQL.Diagnostics;

namespace NewsGraph.GraphQL.Subscriptions;

public static class TopicEventBusServiceCollectionExtensions
{
    /// <summary>
    /// The in-process fan-out (<see cref="TopicEventHub"/>) that every bus delivers through, with its options.
    /// Bus implementations call this; applications call a bus method such as <see cref="AddInMemoryTopicEventBus"/>.
    /// </summary>
    public static IServiceCollection AddTopicEventHub(this IServiceCollection services, TopicEventBusOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(options ?? new TopicEventBusOptions());
        services.TryAddSingleton<TopicEventHub>();
        services.AddGraphQLMetrics();
        return services;
    }

    /// <summary>The embedded bus: <see cref="ITopicEventSender"/> and <see cref="ITopicEventReceiver"/> within this process.</summary>
    public static IServiceCollection AddInMemoryTopicEventBus(this IServiceCollection services, TopicEventBusOptions? options = null)
    {
        services.AddTopicEventHub(options);
        services.TryAddSingleton<InMemoryTopicEventBus>();
        services.TryAddSingleton<ITopicEventSender>(sp => sp.GetRequiredService<InMemoryTopicEventBus>());
        services.TryAddSingleton<ITopicEventReceiver>(sp => sp.GetRequiredService<InMemoryTopicEventBus>());
        return services;
    }
}
