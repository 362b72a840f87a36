namespace NewsGraph.GraphQL.Subscriptions;

/// <summary>One subscriber as the hub sees it, whatever its message type.</summary>
internal interface ITopicSubscriber
{
    /// <summary>Buffers the message without waiting; false when it is not for this subscriber or was dropped.</summary>
    bool Offer(object? message);
}
