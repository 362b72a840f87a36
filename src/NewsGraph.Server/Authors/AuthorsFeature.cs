using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Authors;

public static class AuthorsFeature
{
    /// <summary>Everything of the Authors feature: its root fields (queries, mutations), loaders and node resolver.</summary>
    public static IServiceCollection AddAuthors(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddQueryFields<AuthorQueries>();
        services.AddMutationFields<AuthorMutations>();

        services.AddLoaderNodeResolver<AuthorByIdDataLoader, Author>(AuthorType.TypeName);
        services.AddDataLoader<AuthorBySlugDataLoader>();
        services.AddDataLoader<ArticlesByAuthorIdDataLoader>();
        return services;
    }
}
