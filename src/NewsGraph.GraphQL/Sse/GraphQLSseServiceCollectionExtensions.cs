using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsGraph.GraphQL.Diagnostics;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Http;

namespace NewsGraph.GraphQL.Sse;

/// <summary>Registers the GraphQL over server-sent events transport (both of graphql-sse's modes).</summary>
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
        services.TryAddSingleton<SseEventStreams>();
        // Single connection mode's PUT, operations and stops do not ask for an event stream: the HTTP transport passes them on.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGraphQLStreamingRequestMatcher, SseSingleConnectionRequestMatcher>());
        services.AddGraphQLMetrics();
        return services;
    }
}
