using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Server.Categories;

public sealed class CategoryNotEmptyErrorType : ErrorGraphType<CategoryNotEmptyError>
{
    public CategoryNotEmptyErrorType()
        : base("CategoryNotEmptyError", "The category still has articles or subcategories; move them first. Nothing was deleted.")
    {
        Field<NonNullGraphType<IntGraphType>, int>("articleCount")
            .Description("How many articles (of any status) are filed directly in the category.")
            .Resolve(ctx => ctx.Source.ArticleCount);
        Field<NonNullGraphType<IntGraphType>, int>("childCount")
            .Description("How many subcategories the category has.")
            .Resolve(ctx => ctx.Source.ChildCount);
    }
}
