using Microsoft.Extensions.Logging;

namespace NewsGraph.GraphQL.Webhooks;

internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Claiming webhook deliveries failed ({Failures} in a row); trying again.")]
    public static partial void ClaimFailed(ILogger logger, Exception exception, int failures);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} to webhook {WebhookId} failed (attempt {Attempts}): {Error}")]
    public static partial void AttemptFailed(ILogger logger, long deliveryId, int webhookId, int attempts, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "The result of webhook delivery {DeliveryId} could not be recorded; it is sent again after its lease.")]
    public static partial void RecordFailed(ILogger logger, Exception exception, long deliveryId);
}
