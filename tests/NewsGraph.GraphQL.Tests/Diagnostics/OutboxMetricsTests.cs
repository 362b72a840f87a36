using Microsoft.Extensions.Time.Testing;
using NewsGraph.GraphQL.Outbox;
using NewsGraph.GraphQL.Tests.Outbox;

namespace NewsGraph.GraphQL.Tests.Diagnostics;

/// <summary>The outbox gauges report what the dispatcher last read: the backlog grows and ages while the bus is down.</summary>
public sealed class OutboxMetricsTests
{
    [Fact]
    public async Task The_backlog_and_the_age_of_its_oldest_message_are_what_the_dispatcher_last_read()
    {
        await using var database = await OutboxTestDatabase.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using var listener = new GraphQLMetricsListener(clock);
        var outbox = new TopicEventOutbox(OutboxTestDatabase.Options(), clock);
        var sender = new RecordingSender();
        var dispatcher = database.CreateDispatcher(outbox, sender, clock, listener.Metrics);

        // Nothing read yet: the gauges report nothing rather than a made-up zero.
        Assert.Null(listener.Observe("graphql.outbox.backlog"));

        await database.SaveAsync(outbox, new Greeting(1, "one"), new Greeting(2, "two"), new Greeting(3, "three"));
        clock.Advance(TimeSpan.FromSeconds(90));
        sender.FailNext(1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => dispatcher.DispatchBatchAsync(CancellationToken.None));
        Assert.Equal(3, listener.Observe("graphql.outbox.backlog"));
        Assert.Equal(90, listener.Observe("graphql.outbox.oldest_message.age"));

        // Between two reads the oldest message keeps ageing.
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(100, listener.Observe("graphql.outbox.oldest_message.age"));

        await dispatcher.DispatchBatchAsync(CancellationToken.None);
        Assert.Equal(3, sender.Sent.Count);
        Assert.Equal(0, listener.Observe("graphql.outbox.backlog"));
        Assert.Equal(0, listener.Observe("graphql.outbox.oldest_message.age"));
    }
}
