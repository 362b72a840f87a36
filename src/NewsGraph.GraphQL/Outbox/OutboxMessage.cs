namespace NewsGraph.GraphQL.Outbox;

/// <summary>
/// An event waiting to be sent to the topic event bus, written in the same transaction as the change it announces
/// (<see cref="TopicEventOutbox.Enqueue{TMessage}"/>) and deleted once the bus has it.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public string Topic { get; set; } = "";

    /// <summary>The message as JSON (<see cref="TopicEventOutboxOptions.JsonOptions"/>).</summary>
    public string Payload { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>The dispatcher instance that is sending it, until <see cref="LockedUntil"/>.</summary>
    public string? LockedBy { get; set; }

    public DateTime? LockedUntil { get; set; }

    /// <summary>Failed sends so far (the bus was unreachable); for diagnostics.</summary>
    public int Attempts { get; set; }
}
