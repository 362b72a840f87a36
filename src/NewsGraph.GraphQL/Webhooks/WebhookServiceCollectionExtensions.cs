using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Configuration;

namespace NewsGraph.GraphQL.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Webhook delivery for <typeparamref name="TContext"/> (whose model must include
    /// <see cref="WebhookModelBuilderExtensions.AddWebhooks"/>): the queue that enqueues in a change's unit of work, the
    /// dispatcher, its HTTP client and the address policy; <see cref="WebhookDeliveryOptions"/> bound to
    /// <paramref name="section"/> and checked at start-up.
    /// </summary>
    public static IServiceCollection AddWebhookDelivery<TContext>(this IServiceCollection services, IConfiguration section)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddSettings<WebhookDeliveryOptions>(section)
            .Validate(o => o.EffectiveRetryDelays.All(d => d >= TimeSpan.Zero) && o.EffectiveRetryDelays.Count <= 50,
                "Webhooks:RetryDelays must be at most 50 pauses, none negative.")
            .Validate(o => o.RetryJitter is >= 0 and <= 1, "Webhooks:RetryJitter must be between 0 and 1.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.AttemptTimeout <= TimeSpan.FromMinutes(5), "Webhooks:AttemptTimeout must be positive and at most 5 minutes.")
            .Validate(o => o.LeaseDuration >= 2 * o.AttemptTimeout, "Webhooks:LeaseDuration must be at least twice Webhooks:AttemptTimeout.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Webhooks:PollInterval must be positive.")
            .Validate(o => o.MaxConcurrentDeliveries is >= 1 and <= 1000, "Webhooks:MaxConcurrentDeliveries must be between 1 and 1000.")
            .Validate(o => o.MaxResponseBodyBytes is >= 0 and <= 64 * 1024, "Webhooks:MaxResponseBodyBytes must be between 0 and 65536.")
            .Validate(o => o.DeliveryLogRetention > TimeSpan.Zero, "Webhooks:DeliveryLogRetention must be positive.")
            .Validate(o => o.MaxWebhooks is >= 1 and <= 10_000, "Webhooks:MaxWebhooks must be between 1 and 10000.");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookOutbox>();
        services.TryAddSingleton<WebhookRetrySchedule>();
        services.TryAddSingleton<WebhookAddressPolicy>();
        services.AddHttpClient(WebhookDispatcher<TContext>.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => WebhookHttpHandler.Create(provider.GetRequiredService<WebhookAddressPolicy>()));
        services.AddSingleton<WebhookDispatcher<TContext>>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<WebhookDispatcher<TContext>>());
        return services;
    }
}
