using NewsGraph.GraphQL.Data.Sorting;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Categories;

public sealed class CategorySortInputType : SortInputType<Category>
{
    public CategorySortInputType()
        : base("CategorySortInput")
    {
        Field("id", c => c.Id);
        Field("name", c => c.Name);
        Field("slug", c => c.Slug);
        Field("position", c => c.Position);
    }
}
