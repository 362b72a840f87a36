using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.Webhooks;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Webhooks;

public static class WebhooksFeature
{
    /// <summary>
    /// Everything of the Webhooks feature: admins' root fields, the interceptor that enqueues article events for every
    /// webhook in the change's transaction, and delivery (settings section <c>Webhooks</c>, checked at start-up).
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddQueryFields<WebhookQueries>();
        services.AddMutationFields<WebhookMutations>();
        services.AddWebhookDelivery<NewsDbContext>(configuration.GetSection(WebhookDeliveryOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterceptor, WebhookAnnouncements>());
        return services;
    }
}
