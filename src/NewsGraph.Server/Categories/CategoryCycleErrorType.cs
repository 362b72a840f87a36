using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Server.Categories;

public sealed class CategoryCycleErrorType : ErrorGraphType<CategoryCycleError>
{
    public CategoryCycleErrorType()
        : base("CategoryCycleError", "The new parent would make the category its own ancestor.")
    {
    }
}
