using GraphQL.Types;
using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Categories;

internal sealed class CategoryQueries(ConnectionTypeRegistry connections) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.AddLookupFields<CategoryType, Category, CategoryByIdDataLoader, CategoryBySlugDataLoader>("category", CategoryType.TypeName, "a category");

        query.AddConnectionField<CategoryType>(
            connections,
            "categories",
            async ctx =>
            {
                await using var db = await ctx.CreateNewsDbContextAsync();
                return await ctx.ToConnectionAsync(db.Categories, CategoryOrder.ByPosition, CategoryOrder.ById);
            },
            typeof(CategoryFilterInputType),
            typeof(CategorySortInputType),
            "All categories, nested ones included, in navigation order unless `order` says otherwise. Filter on `parent` to get one level.");
    }
}
