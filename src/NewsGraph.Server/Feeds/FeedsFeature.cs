using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Configuration;

namespace NewsGraph.Server.Feeds;

public static class FeedsFeature
{
    /// <summary>RSS, Atom and JSON feeds and the sitemaps: their settings (section <c>Feeds</c>) and queries.</summary>
    public static IServiceCollection AddFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSettings<FeedSettings>(configuration.GetSection(FeedSettings.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FeedSettings>, FeedSettingsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ArticleFeedQuery>();
        services.TryAddSingleton<SitemapQuery>();
        return services;
    }

    /// <summary>
    /// The feeds under <c>/feeds/</c>, <c>/sitemap.xml</c> and <c>/sitemaps/</c>: plain GET/HEAD endpoints beside
    /// <c>/graphql</c>, sharing nothing with it but the database.
    /// </summary>
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapFeedRoutes().MapSitemapRoutes();
    }
}
