using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsGraph.GraphQL.Diagnostics;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.Http;

/// <summary>Registers the GraphQL-over-HTTP transport. The engine itself is registered with AddGraphQL.</summary>
public static class GraphQLHttpServiceCollectionExtensions
{
    public static IServiceCollection AddGraphQLHttp(this IServiceCollection services, Action<GraphQLHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GraphQLHttpOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<IGraphQLRequestExecutor, GraphQLRequestExecutor>();
        services.AddGraphQLMetrics();
        return services;
    }
}
