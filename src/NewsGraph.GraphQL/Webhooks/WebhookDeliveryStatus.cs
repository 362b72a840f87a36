namespace NewsGraph.GraphQL.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Not yet accepted: waiting for its first attempt, for a retry, or for an earlier event of the same subject.</summary>
    Pending,

    /// <summary>The endpoint answered 2xx.</summary>
    Succeeded,

    /// <summary>Every attempt of the retry schedule failed; it is not sent again.</summary>
    Failed,
}
