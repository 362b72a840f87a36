namespace NewsGraph.GraphQL.Webhooks;

/// <summary>A registered receiver of events: where they are POSTed, which ones, and the secret they are signed with.</summary>
public sealed class WebhookEndpoint
{
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 256;

    public int Id { get; set; }

    public string Url { get; set; } = "";

    /// <summary>The event types it receives, by name, separated by commas.</summary>
    public string Events { get; set; } = "";

    /// <summary>Signs every request (<see cref="WebhookSignature"/>); written once, never read back by clients.</summary>
    public string Secret { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public IReadOnlyList<string> EventNames => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool Receives(string eventType) => EventNames.Contains(eventType, StringComparer.Ordinal);
}
