using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Server.Tags;

// The typed inputs of the tag mutations (TagMutations), each a record and the input type that binds it.

/// <summary><c>CreateTagInput</c>.</summary>
public sealed record CreateTagInput(string Name, string? Slug);

/// <summary><c>UpdateTagInput</c>: what was left out stays as it is.</summary>
public sealed record UpdateTagInput(string Id)
{
    public Optional<string?> Name { get; init; }

    public Optional<string?> Slug { get; init; }
}

/// <summary><c>DeleteTagInput</c>.</summary>
public sealed record DeleteTagInput(string Id);

public sealed class CreateTagInputType : MutationInputGraphType<CreateTagInput>
{
    public CreateTagInputType()
    {
        Field(t => t.Name, type: typeof(NonNullGraphType<StringGraphType>));
        Field(t => t.Slug, type: typeof(StringGraphType)).Description("Generated from the name when left out.");
    }
}

public sealed class UpdateTagInputType : MutationInputGraphType<UpdateTagInput>
{
    public UpdateTagInputType()
    {
        Field(t => t.Id, type: typeof(NonNullGraphType<IdGraphType>));
        OptionalField(t => t.Name, typeof(StringGraphType));
        OptionalField(t => t.Slug, typeof(StringGraphType));
    }
}

public sealed class DeleteTagInputType : MutationInputGraphType<DeleteTagInput>
{
    public DeleteTagInputType() => Field(t => t.Id, type: typeof(NonNullGraphType<IdGraphType>));
}
