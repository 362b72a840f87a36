namespace NewsGraph.GraphQL.Subscriptions;

/// <summary>A subscriber did not keep up with its topic and was removed from it.</summary>
public sealed class TopicSubscriberOverflowException : Exception
{
    public TopicSubscriberOverflowException()
        : base("The subscriber fell too far behind its topic and was removed.")
    {
    }

    public TopicSubscriberOverflowException(string message)
        : base(message)
    {
    }

    public TopicSubscriberOverflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static TopicSubscriberOverflowException ForTopic(string topic, int capacity) =>
        new($"The subscriber of topic '{topic}' fell more than {capacity} messages behind and was removed.");
}
