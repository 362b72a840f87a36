using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Configuration;

namespace NewsGraph.Server.Site;

public static class SiteFeature
{
    /// <summary>The public site's settings and the absolute links built from them.</summary>
    public static IServiceCollection AddSite(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSettings<SiteSettings>(configuration.GetSection(SiteSettings.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiteSettings>, SiteSettingsValidation>());
        services.TryAddSingleton<SiteLinks>();
        return services;
    }
}
