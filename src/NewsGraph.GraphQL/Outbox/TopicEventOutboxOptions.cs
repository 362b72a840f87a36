using System.Text.Json;
using NewsGraph.GraphQL.Subscriptions;

namespace NewsGraph.GraphQL.Outbox;

/// <summary>How the outbox is read and sent, and which message type each topic carries.</summary>
public sealed class TopicEventOutboxOptions
{
    private readonly Dictionary<string, OutboxTopic> _topics = new(StringComparer.Ordinal);

    /// <summary>How often the dispatcher looks for messages when nobody told it about new ones (crash recovery, other instances).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages claimed and sent per round.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How long a claim lasts: another instance sharing the database takes over the messages of a dispatcher that
    /// stopped (crashed) once its claim has expired. A dispatcher renews its claim before each send once half of it is
    /// gone; keep it longer than one send may block (the Redis bus retries for up to <c>Redis:SendTimeout</c>, 30 s).
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest pause between attempts while the bus is unreachable (the pause doubles up to it).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a stopping dispatcher may go on sending the batch it has begun, so that a shutdown does not cut a batch
    /// in half. What is still unsent then is released at once for another instance (or this one's successor) instead
    /// of staying claimed for <see cref="LeaseDuration"/>. Keep it below the host's shutdown timeout, which bounds it
    /// anyway. Zero stops at once.
    /// </summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How messages are written to and read from <see cref="OutboxMessage.Payload"/>.</summary>
    public JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The topics the outbox may carry, by name.</summary>
    public IReadOnlyDictionary<string, OutboxTopic> Topics => _topics;

    /// <summary>Declares that <paramref name="topic"/> carries <typeparamref name="TMessage"/>s.</summary>
    public TopicEventOutboxOptions AddTopic<TMessage>(string topic)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        _topics[topic] = new OutboxTopic(
            topic,
            typeof(TMessage),
            (sender, payload, eventId, json, cancellationToken) =>
                sender.SendAsync(topic, JsonSerializer.Deserialize<TMessage>(payload, json)!, eventId, cancellationToken));
        return this;
    }
}

/// <summary>A topic of the outbox: its message type and how a stored payload is sent as that type, with its event id.</summary>
public sealed record OutboxTopic(
    string Name,
    Type MessageType,
    Func<ITopicEventSender, string, string, JsonSerializerOptions, CancellationToken, ValueTask> SendPayloadAsync);
