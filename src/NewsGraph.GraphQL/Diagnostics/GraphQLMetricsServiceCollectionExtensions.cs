using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsGraph.GraphQL.Diagnostics;

public static class GraphQLMetricsServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="GraphQLMetrics"/> (and the meter factory it needs). The library's registrations that record anything
    /// call it, so an application only subscribes to <see cref="GraphQLDiagnostics.Name"/>.
    /// </summary>
    public static IServiceCollection AddGraphQLMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GraphQLMetrics>();
        return services;
    }
}
