using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsGraph.GraphQL.Diagnostics;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.Multipart;

/// <summary>Registers the multipart HTTP subscriptions transport.</summary>
public static class GraphQLMultipartServiceCollectionExtensions
{
    public static IServiceCollection AddGraphQLMultipartSubscriptions(this IServiceCollection services, Action<GraphQLMultipartOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GraphQLMultipartOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<IGraphQLRequestExecutor, GraphQLRequestExecutor>();
        services.AddGraphQLMetrics();
        return services;
    }
}
