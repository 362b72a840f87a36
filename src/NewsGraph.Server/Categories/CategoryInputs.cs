using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Server.Categories;

// The typed inputs of the category mutations (CategoryMutations), each a record and the input type that binds it.

/// <summary><c>CreateCategoryInput</c>.</summary>
public sealed record CreateCategoryInput(string Name, string? Slug, string? Description, string? ParentId, int? Position);

/// <summary><c>UpdateCategoryInput</c>: what was left out stays as it is.</summary>
public sealed record UpdateCategoryInput(string Id)
{
    public Optional<string?> Name { get; init; }

    public Optional<string?> Description { get; init; }

    public Optional<string?> ParentId { get; init; }

    public Optional<int?> Position { get; init; }
}

/// <summary><c>DeleteCategoryInput</c>.</summary>
public sealed record DeleteCategoryInput(string Id);

public sealed class CreateCategoryInputType : MutationInputGraphType<CreateCategoryInput>
{
    public CreateCategoryInputType()
    {
        Field(c => c.Name, type: typeof(NonNullGraphType<StringGraphType>)).Description("At most 200 characters.");
        Field(c => c.Slug, type: typeof(StringGraphType)).Description("Generated from the name when left out (made unique with -2, -3, ...). Never changes afterwards.");
        Field(c => c.Description, type: typeof(StringGraphType)).Description("At most 1,000 characters.");
        Field(c => c.ParentId, type: typeof(IdGraphType)).Description("Left out or null: a top-level category.");
        Field(c => c.Position, type: typeof(IntGraphType)).Description("Order among siblings (0 or more); left out: after the last sibling.");
    }
}

public sealed class UpdateCategoryInputType : MutationInputGraphType<UpdateCategoryInput>
{
    public UpdateCategoryInputType()
    {
        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>));
        OptionalField(c => c.Name, typeof(StringGraphType)).Description("Left out: unchanged. The slug stays as it is, so links keep working.");
        OptionalField(c => c.Description, typeof(StringGraphType)).Description("Left out: unchanged; null removes the description.");
        OptionalField(c => c.ParentId, typeof(IdGraphType)).Description("Left out: unchanged; null makes it top-level. The category itself or one of its descendants is a CategoryCycleError.");
        OptionalField(c => c.Position, typeof(IntGraphType)).Description("Left out: unchanged. Order among siblings (0 or more).");
    }
}

public sealed class DeleteCategoryInputType : MutationInputGraphType<DeleteCategoryInput>
{
    public DeleteCategoryInputType() => Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>));
}
