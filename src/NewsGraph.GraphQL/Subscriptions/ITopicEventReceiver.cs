namespace NewsGraph.GraphQL.Subscriptions;

/// <summary>Subscribes to a topic of the event bus.</summary>
public interface ITopicEventReceiver
{
    /// <summary>
    /// Registers a subscriber of <paramref name="topic"/>. The subscriber receives every message sent after this
    /// call returns, in order, into a bounded buffer; dispose the stream to unsubscribe.
    /// </summary>
    ValueTask<ITopicSubscription<TMessage>> SubscribeAsync<TMessage>(string topic, CancellationToken cancellationToken = default);
}
