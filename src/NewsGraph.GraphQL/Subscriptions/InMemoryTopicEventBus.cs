using NewsGraph.GraphQL.Diagnostics;

namespace NewsGraph.GraphQL.Subscriptions;

/// <summary>
/// The embedded bus: messages go straight to the subscribers of this process. The default when no external bus
/// (Redis) is configured, and correct for a single instance.
/// </summary>
public sealed class InMemoryTopicEventBus(TopicEventHub hub, GraphQLMetrics? metrics = null) : ITopicEventSender, ITopicEventReceiver
{
    public ValueTask SendAsync<TMessage>(string topic, TMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        cancellationToken.ThrowIfCancellationRequested();
        metrics?.EventPublished();
        hub.Publish(topic, message);
        return ValueTask.CompletedTask;
    }

    public ValueTask<ITopicSubscription<TMessage>> SubscribeAsync<TMessage>(string topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(hub.Subscribe<TMessage>(topic));
    }
}
