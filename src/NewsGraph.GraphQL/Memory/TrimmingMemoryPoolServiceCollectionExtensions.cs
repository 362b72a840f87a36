using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsGraph.GraphQL.Configuration;

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

        // The pools' settings are checked at start-up (while the trimming pool is used at all), with the setting's key.
        var prefix = configuration is IConfigurationSection section ? $"{section.Path}:" : "";
        services.AddSettings<TrimmingMemoryPoolOptions>(configuration)
            .Validate(o => !o.Enabled || o.TrimInterval > TimeSpan.Zero, $"{prefix}TrimInterval must be positive.")
            .Validate(o => !o.Enabled || o.RetentionPeriod >= o.TrimInterval, $"{prefix}RetentionPeriod must not be shorter than {prefix}TrimInterval.")
            .Validate(o => !o.Enabled || o.MinimumRetainedBlocks >= 0, $"{prefix}MinimumRetainedBlocks must not be negative.");
        // Enabled decides whether Kestrel's pool is replaced, so it is read once here.
        if (!configuration.GetValue(nameof(TrimmingMemoryPoolOptions.Enabled), defaultValue: true))
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
