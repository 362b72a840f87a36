namespace NewsGraph.GraphQL.Subscriptions;

/// <summary>
/// Publishes messages to a topic of the event bus. Every subscriber of the topic on every instance connected to
/// the same bus receives the message once. Publish after the change the message describes has been committed, so
/// that a subscriber that reacts by reading the database sees it.
/// </summary>
public interface ITopicEventSender
{
    /// <summary>Sends <paramref name="message"/> to every subscriber of <paramref name="topic"/>.</summary>
    /// <remarks>Messages of a topic that one sender sends one after another arrive in that order.</remarks>
    ValueTask SendAsync<TMessage>(string topic, TMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a message that carries its own identity: a bus that tells repeats apart (the Redis bus, within its
    /// de-duplication window) delivers one message per <paramref name="eventId"/>, so a sender that sends the same event
    /// again — the outbox after a crash between send and delete — is harmless. A bus that cannot ignores the id.
    /// </summary>
    ValueTask SendAsync<TMessage>(string topic, TMessage message, string eventId, CancellationToken cancellationToken = default)
        => SendAsync(topic, message, cancellationToken);
}
