using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.Configuration;

namespace NewsGraph.Server.Previews;

public static class PreviewsFeature
{
    /// <summary>Draft previews: <c>createPreviewLink</c>, <c>articlePreview</c> and the token signer with its settings.</summary>
    public static IServiceCollection AddPreviews(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSettings<PreviewSettings>(configuration.GetSection(PreviewSettings.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PreviewSettings>, PreviewSettingsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PreviewTokens>();
        services.AddQueryFields<PreviewQueries>();
        services.AddMutationFields<PreviewMutations>();
        return services;
    }
}
