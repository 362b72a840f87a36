using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsGraph.GraphQL.Ide;

/// <summary>Registers the Banana Cake Pop IDE hosting.</summary>
public static class BananaCakePopServiceCollectionExtensions
{
    public static IServiceCollection AddBananaCakePop(this IServiceCollection services, Action<BananaCakePopOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<BananaCakePopOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        // One scan of the assembly's resources for the life of the app.
        services.TryAddSingleton<BananaCakePopAssets>();
        return services;
    }
}
