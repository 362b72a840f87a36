using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Categories;

public static class CategoriesFeature
{
    /// <summary>
    /// Everything of the Categories feature: its root fields (queries, mutations), loaders, node resolver and the
    /// in-memory copy of the tree that subscription filters match against.
    /// </summary>
    public static IServiceCollection AddCategories(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddQueryFields<CategoryQueries>();
        services.AddMutationFields<CategoryMutations>();

        services.AddLoaderNodeResolver<CategoryByIdDataLoader, Category>(CategoryType.TypeName);
        services.AddDataLoader<CategoryBySlugDataLoader>();
        services.AddDataLoader<CategoriesByParentIdDataLoader>();
        services.AddDataLoader<ArticlesByCategoryIdDataLoader>();
        services.AddDataLoader<ArticlesInCategoryTreeDataLoader>();

        services.TryAddSingleton<CategoryHierarchy>();
        return services;
    }
}
