using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Server.Authors;

// The typed inputs of the author mutations (AuthorMutations), each a record and the input type that binds it.

/// <summary><c>CreateAuthorInput</c>.</summary>
public sealed record CreateAuthorInput(string Name, string? Slug, string? Bio, string? AvatarUrl);

/// <summary><c>UpdateAuthorInput</c>: what was left out stays as it is.</summary>
public sealed record UpdateAuthorInput(string Id)
{
    public Optional<string?> Name { get; init; }

    public Optional<string?> Bio { get; init; }

    public Optional<string?> AvatarUrl { get; init; }
}

/// <summary><c>DeleteAuthorInput</c>.</summary>
public sealed record DeleteAuthorInput(string Id);

public sealed class CreateAuthorInputType : MutationInputGraphType<CreateAuthorInput>
{
    public CreateAuthorInputType()
    {
        Field(a => a.Name, type: typeof(NonNullGraphType<StringGraphType>)).Description("At most 200 characters.");
        Field(a => a.Slug, type: typeof(StringGraphType)).Description("Generated from the name when left out (made unique with -2, -3, ...). Never changes afterwards.");
        Field(a => a.Bio, type: typeof(StringGraphType)).Description("At most 2,000 characters.");
        Field(a => a.AvatarUrl, type: typeof(StringGraphType)).Description("An absolute http(s) URL.");
    }
}

public sealed class UpdateAuthorInputType : MutationInputGraphType<UpdateAuthorInput>
{
    public UpdateAuthorInputType()
    {
        Field(a => a.Id, type: typeof(NonNullGraphType<IdGraphType>));
        OptionalField(a => a.Name, typeof(StringGraphType)).Description("Left out: unchanged. The slug stays as it is, so links keep working.");
        OptionalField(a => a.Bio, typeof(StringGraphType)).Description("Left out: unchanged; null removes the bio.");
        OptionalField(a => a.AvatarUrl, typeof(StringGraphType)).Description("Left out: unchanged; null removes the avatar.");
    }
}

public sealed class DeleteAuthorInputType : MutationInputGraphType<DeleteAuthorInput>
{
    public DeleteAuthorInputType() => Field(a => a.Id, type: typeof(NonNullGraphType<IdGraphType>));
}
