using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.Data.Projection;
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
        // An article's category (and its parent) is read in the article's statement with just the selected columns.
        this.ProjectWith(nameof(Category.Id), nameof(Category.Slug));

        Field<NonNullGraphType<IdGraphType>, string>("id").Resolve(ctx => NodeId.Encode(TypeName, ctx.Source.Id));
        Field(c => c.Slug);
        Field(c => c.Name);
        Field(c => c.Description, nullable: true);
        Field(c => c.Position).Description("The category's place among its siblings in the navigation.");
        Field<CategoryType, Category>("parent")
            .Description("The category this one is nested under, if any.")
            .Projects(nameof(Category.ParentId), nameof(Category.Parent))
            // A projection joined the parent in; otherwise the loader batches the level's parents.
            .ResolveAsync(ctx => ctx.Source.Parent is not null || ctx.Source.ParentId is not int parentId
                ? new CompletedDataLoaderResult<Category?>(ctx.Source.Parent)
                : ctx.Loader<CategoryByIdDataLoader>().LoadAsync(parentId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>, IReadOnlyList<Category>>("children")
            .Description("The categories nested directly under this one, in navigation order.")
            .Projects(nameof(Category.Id))
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
            "The category's published articles, newest first unless `order` says otherwise.")
            .Projects(nameof(Category.Id));
        articles.Arguments!.Add(new QueryArgument<NonNullGraphType<BooleanGraphType>>
        {
            Name = "includeSubcategories",
            Description = "Whether articles of the categories nested under this one count too.",
            DefaultValue = true,
        });
    }
}
