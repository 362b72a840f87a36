using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Categories;

public sealed class CategoryType : ObjectGraphType<Category>
{
    public const string TypeName = "Category";

    public CategoryType(ConnectionTypeRegistry connections)
    {
        Name = TypeName;
        Description = "A section of the site, such as News or Finance; sections can nest.";
        Interface<NodeInterfaceType>();

        Field<NonNullGraphType<IdGraphType>, string>("id").Resolve(ctx => NodeId.Encode(TypeName, ctx.Source.Id));
        Field(c => c.Slug);
        Field(c => c.Name);
        Field(c => c.Description, nullable: true);
        Field(c => c.Position).Description("The category's place among its siblings in the navigation.");
        Field<CategoryType, Category>("parent")
            .Description("The category this one is nested under, if any.")
            .ResolveAsync(ctx => ctx.Source.ParentId is int parentId
                ? ctx.Loader<CategoryByIdDataLoader>().LoadAsync(parentId)
                : new CompletedDataLoaderResult<Category?>(null));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>, IReadOnlyList<Category>>("children")
            .Description("The categories nested directly under this one, in navigation order.")
            .ResolveAsync(ctx => ctx.Loader<CategoriesByParentIdDataLoader>().LoadAsync(ctx.Source.Id));

        var articles = this.AddConnectionField<ArticleType>(
            connections,
            "articles",
            ctx =>
            {
                var category = (Category)ctx.Source!;
                var request = ctx.GetConnectionRequest(ArticleOrder.NewestFor(ctx.IncludesUnpublished()), ArticleOrder.ById);
                // Returning the pending loader result lets the engine batch all categories of the response.
                IDataLoaderResult<Connection<Article>?> pending = ctx.GetArgument("includeSubcategories", true)
                    ? ctx.Loader<ArticlesInCategoryTreeDataLoader>().LoadAsync(category.Id, request)
                    : ctx.Loader<ArticlesByCategoryIdDataLoader>().LoadAsync(category.Id, request);
                return Task.FromResult<object?>(pending);
            },
            typeof(ArticleFilterInputType),
            typeof(ArticleSortInputType),
            "The category's published articles, newest first unless `order` says otherwise.");
        articles.Arguments!.Add(new QueryArgument<NonNullGraphType<BooleanGraphType>>
        {
            Name = "includeSubcategories",
            Description = "Whether articles of the categories nested under this one count too.",
            DefaultValue = true,
        });
    }
}
