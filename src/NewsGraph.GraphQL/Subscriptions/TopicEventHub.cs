using System.Collections.Concurrent;
using NewsGraph.GraphQL.Diagnostics;

namespace NewsGraph.GraphQL.Subscriptions;

/// <summary>
/// The in-process fan-out of every bus: per topic, the current subscribers, each with its own bounded buffer.
/// Publishing only offers the message to each buffer and never waits, so one stuck subscriber cannot hold up the
/// others; a subscriber whose buffer is full is dropped (its stream ends with
/// <see cref="TopicSubscriberOverflowException"/>) instead of growing memory.
/// </summary>
public sealed class TopicEventHub
{
    // Copy-on-write arrays: publishing (the hot path, possibly 10,000 subscribers) reads a snapshot without a lock;
    // subscribing and unsubscribing (rare) swap the array under the lock.
    private readonly ConcurrentDictionary<string, ITopicSubscriber[]> _topics = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly int _capacity;
    private readonly GraphQLMetrics? _metrics;

    public TopicEventHub(TopicEventBusOptions options, GraphQLMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SubscriberBufferCapacity, 1, nameof(options));
        _capacity = options.SubscriberBufferCapacity;
        _metrics = metrics;
    }

    /// <summary>Registers a subscriber; it receives every message published from now on.</summary>
    public ITopicSubscription<TMessage> Subscribe<TMessage>(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var subscriber = new TopicSubscription<TMessage>(this, topic, _capacity);
        lock (_gate)
        {
            var current = _topics.TryGetValue(topic, out var existing) ? existing : [];
            _topics[topic] = [.. current, subscriber];
        }

        return subscriber;
    }

    /// <summary>Offers <paramref name="message"/> to every subscriber of <paramref name="topic"/>.</summary>
    /// <returns>How many subscribers accepted it.</returns>
    public int Publish(string topic, object? message)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (!_topics.TryGetValue(topic, out var subscribers))
        {
            return 0;
        }

        var accepted = 0;
        foreach (var subscriber in subscribers)
        {
            if (subscriber.Offer(message))
            {
                accepted++;
            }
        }

        _metrics?.EventsDelivered(accepted);
        return accepted;
    }

    /// <summary>Whether anyone in this process listens to <paramref name="topic"/>.</summary>
    public bool HasSubscribers(string topic) => _topics.ContainsKey(topic);

    /// <summary>The number of subscribers of <paramref name="topic"/> (diagnostics and tests).</summary>
    public int CountSubscribers(string topic) => _topics.TryGetValue(topic, out var subscribers) ? subscribers.Length : 0;

    /// <summary>A subscriber's buffer was full: the event it was offered is lost to it.</summary>
    internal void OnSubscriberOverflow() => _metrics?.EventDropped();

    internal void Remove(string topic, ITopicSubscriber subscriber)
    {
        lock (_gate)
        {
            if (!_topics.TryGetValue(topic, out var current))
            {
                return;
            }

            var remaining = Array.FindAll(current, s => !ReferenceEquals(s, subscriber));
            if (remaining.Length == current.Length)
            {
                return;
            }

            // An empty topic is removed, so that topics named after short-lived things (an article id) do not pile up.
            if (remaining.Length == 0)
            {
                _topics.TryRemove(topic, out _);
            }
            else
            {
                _topics[topic] = remaining;
            }
        }
    }
}
