using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsGraph.GraphQL.Diagnostics;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.WebSockets;

/// <summary>Registers the GraphQL WebSocket transport.</summary>
public static class GraphQLWebSocketServiceCollectionExtensions
{
    /// <summary>
    /// Adds the transport's options and the default (accept-all) <see cref="IWebSocketConnectionInitializer"/>;
    /// register your own initializer to authenticate connections.
    /// </summary>
    public static IServiceCollection AddGraphQLWebSockets(this IServiceCollection services, Action<GraphQLWebSocketOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GraphQLWebSocketOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<IGraphQLRequestExecutor, GraphQLRequestExecutor>();
        services.AddGraphQLMetrics();
        services.TryAddSingleton<IWebSocketConnectionInitializer, AcceptingWebSocketConnectionInitializer>();
        return services;
    }
}
