using System.ComponentModel.DataAnnotations;

namespace NewsGraph.GraphQL.Subscriptions;

/// <summary>Settings of the in-process fan-out that every bus implementation uses.</summary>
public sealed class TopicEventBusOptions
{
    /// <summary>
    /// Messages a subscriber may have waiting before it is dropped. Large enough to ride out a burst of news,
    /// small enough that 10,000 stuck subscribers cannot exhaust memory.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int SubscriberBufferCapacity { get; set; } = 256;
}
