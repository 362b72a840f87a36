namespace NewsGraph.GraphQL.Subscriptions;

public static class TopicSubscriptionExtensions
{
    /// <summary>
    /// Only the messages that satisfy <paramref name="predicate"/>. Filtering happens on the subscriber's side of
    /// its buffer, so a subscriber that filters out most messages still counts them towards its capacity.
    /// </summary>
    public static ITopicSubscription<TMessage> Where<TMessage>(this ITopicSubscription<TMessage> stream, Func<TMessage, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(predicate);
        return new FilteredTopicSubscription<TMessage>(stream, predicate);
    }
}
