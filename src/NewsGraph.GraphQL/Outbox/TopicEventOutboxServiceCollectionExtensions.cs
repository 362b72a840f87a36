using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace NewsGraph.GraphQL.Outbox;

public static class TopicEventOutboxServiceCollectionExtensions
{
    /// <summary>
    /// The outbox (<see cref="TopicEventOutbox"/>) and its dispatcher for <typeparamref name="TContext"/>, whose model
    /// must include <see cref="OutboxModelBuilderExtensions.AddTopicEventOutbox"/>; declare every topic in
    /// <paramref name="configure"/>. Needs an <see cref="IDbContextFactory{TContext}"/> and an event bus.
    /// </summary>
    public static IServiceCollection AddTopicEventOutbox<TContext>(this IServiceCollection services, Action<TopicEventOutboxOptions> configure)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new TopicEventOutboxOptions();
        configure(options);
        // Refused at startup: a zero interval would spin, a zero batch would never send.
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PollInterval, TimeSpan.Zero, "Outbox:PollInterval");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, "Outbox:BatchSize");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.LeaseDuration, TimeSpan.Zero, "Outbox:LeaseDuration");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxRetryDelay, TimeSpan.Zero, "Outbox:MaxRetryDelay");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options);
        services.TryAddSingleton<TopicEventOutbox>();
        services.AddSingleton<TopicEventOutboxDispatcher<TContext>>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<TopicEventOutboxDispatcher<TContext>>());
        return services;
    }
}
