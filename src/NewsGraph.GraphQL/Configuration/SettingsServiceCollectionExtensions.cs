using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NewsGraph.GraphQL.Configuration;

/// <summary>The one way settings are registered: bound, validated at start-up, injected.</summary>
public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TSettings"/> to <paramref name="section"/> and checks its data annotations (and
    /// whatever the returned builder adds with <c>Validate</c>) when the host starts, so a bad value stops the server
    /// with a message naming the setting instead of failing a request later. Services take the validated value as
    /// <typeparamref name="TSettings"/> (or as <see cref="IOptions{TOptions}"/>).
    /// </summary>
    public static OptionsBuilder<TSettings> AddSettings<TSettings>(this IServiceCollection services, IConfiguration section)
        where TSettings : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.TryAddSingleton(static provider => provider.GetRequiredService<IOptions<TSettings>>().Value);
        return services.AddOptions<TSettings>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
    }
}
