using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsGraph.GraphQL.Diagnostics;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.Sse;

/// <summary>Registers the GraphQL over server-sent events transport.</summary>
public static class GraphQLSseServiceCollectionExtensions
{
    public static IServiceCollection AddGraphQLServerSentEvents(this IServiceCollection services, Action<GraphQLSseOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GraphQLSseOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<IGraphQLRequestExecutor, GraphQLRequestExecutor>();
        services.AddGraphQLMetrics();
        return services;
    }
}
