using GraphQL.Types;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Webhooks;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Webhooks;

/// <summary>
/// A registered endpoint. Its secret is write-only: it never leaves the server except as signatures. It is not a
/// <c>Node</c> (no <c>node(id:)</c> look-up, which readers may call); its ID is a Relay global ID all the same.
/// </summary>
public sealed class WebhookType : ObjectGraphType<WebhookEndpoint>
{
    public const string TypeName = "Webhook";

    public WebhookType(ConnectionTypeRegistry connections)
    {
        Name = TypeName;
        Description = "An endpoint that article events are POSTed to, signed with its secret.";
        Field<NonNullGraphType<IdGraphType>, string>("id").Resolve(ctx => NodeId.Encode(TypeName, ctx.Source.Id));
        Field(w => w.Url);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookEventGraphType>>>, IEnumerable<WebhookEventType>>("events")
            .Resolve(ctx => WebhookEventNames.Parse(ctx.Source.EventNames).ToList());
        Field(w => w.CreatedAt);

        // Admins only, a handful of webhooks: one statement per webhook is fine here.
        this.AddConnectionField<WebhookDeliveryType>(
            connections,
            "deliveries",
            async ctx =>
            {
                var id = ((WebhookEndpoint)ctx.Source!).Id;
                await using var db = await ctx.CreateNewsDbContextAsync();
                return await ctx.ToConnectionAsync(db.Set<WebhookDelivery>().Where(d => d.WebhookId == id), [WebhookOrder.DeliveryNewestFirst], WebhookOrder.DeliveryNewestFirst);
            },
            description: "The delivery log, newest first.");
    }
}
