using GraphQL.Types;
using NewsGraph.GraphQL.Webhooks;

namespace NewsGraph.Server.Webhooks;

public sealed class WebhookDeliveryStatusGraphType : EnumerationGraphType<WebhookDeliveryStatus>
{
    public WebhookDeliveryStatusGraphType()
    {
        Name = "WebhookDeliveryStatus";
        Description = "PENDING until the endpoint answers 2xx (SUCCEEDED) or every retry failed (FAILED).";
    }
}
