using GraphQL.Types;
using NewsGraph.GraphQL.Webhooks;

namespace NewsGraph.Server.Webhooks;

/// <summary>One event for one webhook in its delivery log.</summary>
public sealed class WebhookDeliveryType : ObjectGraphType<WebhookDelivery>
{
    public WebhookDeliveryType()
    {
        Name = "WebhookDelivery";
        Description = "One event sent (or to be sent) to a webhook, with the outcome of its attempts.";
        Field<NonNullGraphType<IdGraphType>, string>("id")
            .Description("The idempotency id: the payload's `id` and the `X-NewsGraph-Delivery` header, the same on every attempt.")
            .Resolve(ctx => ctx.Source.EventId);
        Field<NonNullGraphType<WebhookEventGraphType>, WebhookEventType>("eventType")
            .Resolve(ctx => WebhookEventNames.Parse([ctx.Source.EventType]).FirstOrDefault());
        Field<NonNullGraphType<WebhookDeliveryStatusGraphType>, WebhookDeliveryStatus>("status").Resolve(ctx => ctx.Source.Status);
        Field(d => d.Attempts).Description("Attempts made so far.");
        Field(d => d.CreatedAt).Description("When the event happened and the delivery was queued.");
        Field(d => d.LastAttemptAt, nullable: true);
        Field(d => d.NextAttemptAt, nullable: true).Description("When the next attempt is due; null once SUCCEEDED or FAILED.");
        Field(d => d.LastError, nullable: true).Description("Why the latest failed attempt failed (status and the start of the response body, a timeout, a refused address); kept after a later success.");
        Field(d => d.ResponseStatusCode, nullable: true).Description("The HTTP status of the last response; null when there was none.");
    }
}
