using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsGraph.Server.Seo;

public static class SeoFeature
{
    /// <summary>The builder behind <c>Article.seo</c> (the field itself is declared on the article type, <see cref="SeoFields"/>).</summary>
    public static IServiceCollection AddSeo(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ArticleSeoBuilder>();
        return services;
    }
}
