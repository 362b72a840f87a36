using NewsGraph.GraphQL.Data.Filtering;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Categories;

public sealed class CategoryFilterInputType : FilterInputType<Category>
{
    public CategoryFilterInputType()
        : base("CategoryFilterInput")
    {
        IdField("id", c => c.Id, CategoryType.TypeName);
        Field("slug", c => c.Slug);
        Field("name", c => c.Name);
        ObjectField<CategoryFilterInputType, Category>("parent", c => c.Parent);
    }
}
