using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsGraph.GraphQL.Memory;

/// <summary>Registers <see cref="TrimmingMemoryPool"/> as Kestrel's buffer pool.</summary>
public static class TrimmingMemoryPoolServiceCollectionExtensions
{
    /// <summary>
    /// Makes Kestrel (sockets and HTTP/2) rent its buffers from <see cref="TrimmingMemoryPool"/>s, configured by
    /// <paramref name="configuration"/> (<see cref="TrimmingMemoryPoolOptions"/>); with <c>Enabled: false</c> Kestrel
    /// keeps its own pool.
    /// </summary>
    public static IServiceCollection AddTrimmingMemoryPool(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var options = configuration.Get<TrimmingMemoryPoolOptions>() ?? new TrimmingMemoryPoolOptions();
        services.Configure<TrimmingMemoryPoolOptions>(configuration);
        if (!options.Enabled)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TrimmingMemoryPoolFactory>();
        // Replaces Kestrel's registration whichever was added first.
        services.RemoveAll<IMemoryPoolFactory<byte>>();
        services.AddSingleton<IMemoryPoolFactory<byte>>(static sp => sp.GetRequiredService<TrimmingMemoryPoolFactory>());
        return services;
    }
}
