using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.Configuration;
using NewsGraph.GraphQL.DataLoading;

namespace NewsGraph.Server.Search;

public static class SearchFeature
{
    /// <summary>Full-text search: the <c>searchArticles</c> field, its highlight loader, and the index kept in step with every article write.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSettings<SearchSettings>(configuration.GetSection(SearchSettings.SectionName));
        services.AddQueryFields<ArticleSearchQueries>();
        services.AddDataLoader<ArticleSearchHighlightsDataLoader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterceptor, ArticleSearchIndexing>());
        return services;
    }
}
