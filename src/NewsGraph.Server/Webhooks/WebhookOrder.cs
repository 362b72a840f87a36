using NewsGraph.GraphQL.Data.Sorting;
using NewsGraph.GraphQL.Webhooks;

namespace NewsGraph.Server.Webhooks;

internal static class WebhookOrder
{
    public static readonly SortKey<WebhookEndpoint> ById = SortKey.Create<WebhookEndpoint, int>("id", w => w.Id, SortDirection.Ascending);

    /// <summary>The delivery log, newest first.</summary>
    public static readonly SortKey<WebhookDelivery> DeliveryNewestFirst = SortKey.Create<WebhookDelivery, long>("id", d => d.Id, SortDirection.Descending);
}
