using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Tags;

public static class TagsFeature
{
    /// <summary>Everything of the Tags feature: its root fields (queries, mutations), loaders and node resolver.</summary>
    public static IServiceCollection AddTags(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddQueryFields<TagQueries>();
        services.AddMutationFields<TagMutations>();

        services.AddLoaderNodeResolver<TagByIdDataLoader, Tag>(TagType.TypeName);
        services.AddDataLoader<TagBySlugDataLoader>();
        services.AddDataLoader<TagsByArticleIdDataLoader>();
        return services;
    }
}
