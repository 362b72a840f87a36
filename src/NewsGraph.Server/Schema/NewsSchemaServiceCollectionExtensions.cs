using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Types;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Types;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Authors;
using NewsGraph.Server.Categories;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tags;

namespace NewsGraph.Server.Schema;

public static class NewsSchemaServiceCollectionExtensions
{
    /// <summary>The GraphQL schema, its loaders and node resolvers.</summary>
    public static IServiceCollection AddNewsSchema(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddGraphQL(graphQL => graphQL
            .AddSelfActivatingSchema<NewsSchema>()
            // Non-ASCII text (Zürich, São Paulo) goes out as UTF-8, not as \u escapes, like Hot Chocolate's.
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider(options =>
            {
                options.ExposeExceptionDetails = environment.IsDevelopment();
                // Hot Chocolate sends one `code`; GraphQL.NET's extra `codes` array would only confuse its clients.
                options.ExposeCodes = false;
            }));

        services.AddSingleton<ConnectionTypeRegistry>();
        services.AddSingleton(configuration.GetSection("Paging").Get<PagingOptions>() ?? new PagingOptions());
        // Hot Chocolate's DateTime: always UTC with milliseconds and a `Z`.
        services.AddSingleton<DateTimeGraphType, HotChocolateDateTimeGraphType>();

        services.AddSingleton<INodeResolver>(new EntityNodeResolver<Article>(ArticleType.TypeName, db => db.Articles, a => a.Id));
        services.AddSingleton<INodeResolver>(new EntityNodeResolver<Author>(AuthorType.TypeName, db => db.Authors, a => a.Id));
        services.AddSingleton<INodeResolver>(new EntityNodeResolver<Category>(CategoryType.TypeName, db => db.Categories, c => c.Id));
        services.AddSingleton<INodeResolver>(new EntityNodeResolver<Tag>(TagType.TypeName, db => db.Tags, t => t.Id));

        services.AddDataLoader<ArticleByIdDataLoader>();
        services.AddDataLoader<ArticleBySlugDataLoader>();
        services.AddDataLoader<AuthorByIdDataLoader>();
        services.AddDataLoader<AuthorBySlugDataLoader>();
        services.AddDataLoader<ArticlesByAuthorIdDataLoader>();
        services.AddDataLoader<CategoryByIdDataLoader>();
        services.AddDataLoader<CategoryBySlugDataLoader>();
        services.AddDataLoader<CategoriesByParentIdDataLoader>();
        services.AddDataLoader<ArticlesByCategoryIdDataLoader>();
        services.AddDataLoader<ArticlesInCategoryTreeDataLoader>();
        services.AddDataLoader<TagByIdDataLoader>();
        services.AddDataLoader<TagBySlugDataLoader>();
        services.AddDataLoader<TagsByArticleIdDataLoader>();
        return services;
    }
}
