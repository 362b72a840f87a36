using NewsGraph.GraphQL.DataLoading;

namespace NewsGraph.Server.RelatedArticles;

public static class RelatedArticlesFeature
{
    /// <summary>The loader behind <c>Article.related</c> (the field is declared on the article type, <see cref="RelatedArticlesFields"/>).</summary>
    public static IServiceCollection AddRelatedArticles(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDataLoader<RelatedArticlesDataLoader>();
        return services;
    }
}
