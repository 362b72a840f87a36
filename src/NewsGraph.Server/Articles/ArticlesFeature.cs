using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.Configuration;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.GraphQL.Outbox;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Articles;

public static class ArticlesFeature
{
    /// <summary>
    /// Everything of the Articles feature: its root fields (queries, mutations, subscriptions), loaders, node resolver,
    /// the outbox topics it announces on, its services and the scheduled publisher (settings: section <c>Scheduling</c>).
    /// </summary>
    public static IServiceCollection AddArticles(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddQueryFields<ArticleQueries>();
        services.AddMutationFields<ArticleMutations>();
        services.AddSubscriptionFields<ArticleSubscriptions>();

        services.AddLoaderNodeResolver<ArticleByIdDataLoader, Article>(ArticleType.TypeName);
        services.AddDataLoader<ArticleBySlugDataLoader>();

        services.AddTopicEventOutboxTopic<ArticlePublished>(ArticleEvents.PublishedTopic);
        services.AddTopicEventOutboxTopic<ArticleUpdated>(ArticleEvents.UpdatedTopic);
        services.TryAddSingleton<ArticleEventsFeed>();
        services.TryAddSingleton<ArticleWorkflow>();
        // Every saved article change that readers should hear of goes into the outbox with it.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterceptor, ArticleAnnouncements>());
        services.TryAddSingleton<ArticleBodyRenderer>();

        services.AddSettings<SchedulingSettings>(configuration.GetSection(SchedulingSettings.SectionName));
        services.TryAddSingleton<ArticleSchedule>();
        services.AddHostedService<ScheduledPublisher>();
        return services;
    }
}
