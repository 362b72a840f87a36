namespace NewsGraph.GraphQL.Webhooks;

/// <summary>
/// One event for one endpoint: written in the same transaction as the change it announces
/// (<see cref="WebhookOutbox.Enqueue"/>), sent by <see cref="WebhookDispatcher{TContext}"/> until the endpoint
/// accepts it or the retry schedule ends, and kept as the endpoint's delivery log.
/// </summary>
public sealed class WebhookDelivery
{
    public const int MaxErrorLength = 2000;

    public long Id { get; set; }

    public int WebhookId { get; set; }

    public WebhookEndpoint? Webhook { get; set; }

    /// <summary>The idempotency id: the same for every attempt and every endpoint of one event.</summary>
    public string EventId { get; set; } = "";

    public string EventType { get; set; } = "";

    /// <summary>Events with the same key reach an endpoint in the order they were written (e.g. one article's).</summary>
    public string OrderingKey { get; set; } = "";

    /// <summary>The JSON body, exactly as sent.</summary>
    public string Payload { get; set; } = "";

    public WebhookDeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the next attempt is due (while <see cref="WebhookDeliveryStatus.Pending"/>).</summary>
    public DateTime? NextAttemptAt { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The HTTP status of the last response; null when there was none (refused, timed out).</summary>
    public int? ResponseStatusCode { get; set; }

    /// <summary>The dispatcher instance sending it, until <see cref="LockedUntil"/>.</summary>
    public string? LockedBy { get; set; }

    public DateTime? LockedUntil { get; set; }
}
