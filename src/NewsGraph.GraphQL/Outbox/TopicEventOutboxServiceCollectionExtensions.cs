using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Diagnostics;

namespace NewsGraph.GraphQL.Outbox;

public static class TopicEventOutboxServiceCollectionExtensions
{
    /// <summary>
    /// The outbox (<see cref="TopicEventOutbox"/>) and its dispatcher for <typeparamref name="TContext"/>, whose model
    /// must include <see cref="OutboxModelBuilderExtensions.AddTopicEventOutbox"/>. Its <see cref="TopicEventOutboxOptions"/>
    /// are configured through the options pattern (<paramref name="configure"/>, a bound section) and checked when the
    /// host starts; declare every topic with <see cref="AddTopicEventOutboxTopic{TMessage}"/>. Needs an
    /// <see cref="IDbContextFactory{TContext}"/> and an event bus.
    /// </summary>
    public static IServiceCollection AddTopicEventOutbox<TContext>(this IServiceCollection services, Action<TopicEventOutboxOptions>? configure = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<TopicEventOutboxOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // Refused at startup: a zero interval would spin, a zero batch would never send.
        options
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Outbox:PollInterval must be positive.")
            .Validate(o => o.BatchSize >= 1, "Outbox:BatchSize must be at least 1.")
            .Validate(o => o.LeaseDuration > TimeSpan.Zero, "Outbox:LeaseDuration must be positive.")
            .Validate(o => o.MaxRetryDelay > TimeSpan.Zero, "Outbox:MaxRetryDelay must be positive.")
            .Validate(o => o.ShutdownGrace >= TimeSpan.Zero, "Outbox:ShutdownGrace must not be negative.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static provider => provider.GetRequiredService<IOptions<TopicEventOutboxOptions>>().Value);
        services.TryAddSingleton<TopicEventOutbox>();
        services.AddGraphQLMetrics();
        services.AddSingleton<TopicEventOutboxDispatcher<TContext>>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<TopicEventOutboxDispatcher<TContext>>());
        return services;
    }

    /// <summary>Declares that the outbox's <paramref name="topic"/> carries <typeparamref name="TMessage"/>s.</summary>
    public static IServiceCollection AddTopicEventOutboxTopic<TMessage>(this IServiceCollection services, string topic)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        return services.Configure<TopicEventOutboxOptions>(options => options.AddTopic<TMessage>(topic));
    }
}
