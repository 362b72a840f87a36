using NewsGraph.GraphQL.Subscriptions;

namespace NewsGraph.GraphQL.Tests.Diagnostics;

/// <summary>Events published to the bus, handed to subscribers, and lost to a subscriber too slow to keep up.</summary>
public sealed class EventMetricsTests
{
    [Fact]
    public async Task Published_delivered_and_dropped_events_are_counted()
    {
        using var listener = new GraphQLMetricsListener(TimeProvider.System);
        var hub = new TopicEventHub(new TopicEventBusOptions { SubscriberBufferCapacity = 2 }, listener.Metrics);
        var bus = new InMemoryTopicEventBus(hub, listener.Metrics);
        // Never read: its buffer of two fills up and the third event is dropped with it.
        await using var slow = await bus.SubscribeAsync<string>("news");
        await using var other = await bus.SubscribeAsync<string>("sports");

        await bus.SendAsync("news", "first");
        await bus.SendAsync("news", "second");
        await bus.SendAsync("news", "third");
        await bus.SendAsync("sports", "goal");

        Assert.Equal(4, listener.Total("graphql.events.published"));
        Assert.Equal(3, listener.Total("graphql.events.delivered"));
        Assert.Equal(1, listener.Total("graphql.events.dropped"));
    }
}
