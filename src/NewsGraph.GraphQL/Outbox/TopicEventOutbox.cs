using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Threading;

namespace NewsGraph.GraphQL.Outbox;

/// <summary>
/// The transactional outbox of the topic event bus. A change and its announcement are saved together: the
/// announcement is an <see cref="OutboxMessage"/> added to the same <see cref="DbContext"/> before SaveChanges, so it
/// exists if and only if the change committed. <see cref="TopicEventOutboxDispatcher{TContext}"/> then sends it to the
/// bus and deletes it; while the bus (Redis) is unreachable the message waits in the database, across restarts, and
/// the change itself has already succeeded. Delivery is at least once: a dispatcher that stops between sending and
/// deleting sends that message again after its claim expires.
/// </summary>
public sealed class TopicEventOutbox(TopicEventOutboxOptions options, TimeProvider clock)
{
    private readonly Doorbell _wake = new();

    public TopicEventOutboxOptions Options => options;

    /// <summary>Adds the announcement of a change to <paramref name="db"/>'s unit of work; call <see cref="Notify"/> after SaveChanges.</summary>
    /// <exception cref="InvalidOperationException">The topic was not declared with <see cref="TopicEventOutboxOptions.AddTopic{TMessage}"/> for this type.</exception>
    public void Enqueue<TMessage>(DbContext db, string topic, TMessage message)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(topic);
        if (!options.Topics.TryGetValue(topic, out var declared) || !declared.MessageType.IsAssignableFrom(typeof(TMessage)))
        {
            // Caught here, while the change can still be abandoned, instead of as an unsendable row later.
            throw new InvalidOperationException($"The outbox topic '{topic}' is not declared for {typeof(TMessage).Name} messages.");
        }

        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Topic = topic,
            Payload = JsonSerializer.Serialize(message, declared.MessageType, options.JsonOptions),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
    }

    /// <summary>Tells the dispatcher that messages were committed, so it sends them now rather than at its next poll.</summary>
    public void Notify() => _wake.Ring();

    /// <summary>Waits for <see cref="Notify"/> or <paramref name="timeout"/>, whichever comes first.</summary>
    internal Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _wake.WaitAsync(timeout, TimeProvider.System, cancellationToken);
}
