using GraphQL.Types;

namespace NewsGraph.Server.Webhooks;

// The typed inputs of the webhook mutations (WebhookMutations), each a record and the input type that binds it.

/// <summary><c>CreateWebhookInput</c>.</summary>
public sealed record CreateWebhookInput
{
    public required string Url { get; init; }

    public required IReadOnlyList<WebhookEventType> Events { get; init; }

    public required string Secret { get; init; }
}

/// <summary><c>DeleteWebhookInput</c>.</summary>
public sealed record DeleteWebhookInput(string Id);

public sealed class CreateWebhookInputType : InputObjectGraphType<CreateWebhookInput>
{
    public CreateWebhookInputType()
    {
        Field<NonNullGraphType<StringGraphType>>("url")
            .Description("An absolute https URL on a public address (see the README's Webhooks section); at most 2,048 characters.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookEventGraphType>>>>("events")
            .Description("The events to receive: at least one, each once.");
        Field<NonNullGraphType<StringGraphType>>("secret")
            .Description("Signs every request (HMAC-SHA256); 16 to 256 characters. Write-only: it is never returned.");
    }
}

public sealed class DeleteWebhookInputType : InputObjectGraphType<DeleteWebhookInput>
{
    public DeleteWebhookInputType() => Field<NonNullGraphType<IdGraphType>>("id");
}
