using GraphQL.Types;

namespace NewsGraph.Server.Categories;

/// <summary>The fields of the category mutations' input types (<c>CreateCategoryInput</c>, <c>UpdateCategoryInput</c>, ...).</summary>
internal static class CategoryInputs
{
    public static void Create(InputObjectGraphType input)
    {
        input.Field<NonNullGraphType<StringGraphType>>("name").Description("At most 200 characters.");
        input.Field<StringGraphType>("slug").Description("Generated from the name when left out (made unique with -2, -3, ...). Never changes afterwards.");
        input.Field<StringGraphType>("description").Description("At most 1,000 characters.");
        input.Field<IdGraphType>("parentId").Description("Left out or null: a top-level category.");
        input.Field<IntGraphType>("position").Description("Order among siblings (0 or more); left out: after the last sibling.");
    }

    public static void Update(InputObjectGraphType input)
    {
        Id(input);
        input.Field<StringGraphType>("name").Description("Left out: unchanged. The slug stays as it is, so links keep working.");
        input.Field<StringGraphType>("description").Description("Left out: unchanged; null removes the description.");
        input.Field<IdGraphType>("parentId").Description("Left out: unchanged; null makes it top-level. The category itself or one of its descendants is a CategoryCycleError.");
        input.Field<IntGraphType>("position").Description("Left out: unchanged. Order among siblings (0 or more).");
    }

    public static void Id(InputObjectGraphType input) => input.Field<NonNullGraphType<IdGraphType>>("id");
}
