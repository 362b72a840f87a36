using GraphQL.Types;

namespace NewsGraph.Server.Previews;

/// <summary>The input of <c>createPreviewLink</c>.</summary>
public sealed record CreatePreviewLinkInput
{
    public required string Id { get; init; }
}

public sealed class CreatePreviewLinkInputType : InputObjectGraphType<CreatePreviewLinkInput>
{
    public CreatePreviewLinkInputType()
    {
        Field<NonNullGraphType<IdGraphType>>("id").Description("The article (any status) to preview.");
    }
}
