using Microsoft.Extensions.Logging.Abstractions;
using NewsGraph.GraphQL.Subscriptions;

namespace NewsGraph.GraphQL.Redis.Tests;

/// <summary>The Redis bus against a real redis-server of the test's own.</summary>
public sealed class RedisTopicEventBusTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public sealed record Numbered(int Number);

    /// <summary>
    /// Sent after everything else: a subscription whose next message is the sentinel got nothing twice (a duplicate
    /// would come before it, in stream order), without waiting in silence for duplicates that might still come.
    /// </summary>
    private static readonly Numbered Sentinel = new(-1);

    private static RedisTopicEventBus CreateBus(RedisServer redis, string prefix = "newsgraph", string credentials = "", CapturedLogs? logs = null) =>
        new(
            new RedisTopicEventBusOptions
            {
                Configuration = redis.Configuration + ",connectTimeout=1000,connectRetry=1" + credentials,
                KeyPrefix = prefix,
                PollInterval = TimeSpan.FromMilliseconds(250),
                SendTimeout = TimeSpan.FromSeconds(60),
            },
            new TopicEventHub(new TopicEventBusOptions { SubscriberBufferCapacity = 10_000 }),
            logs?.CreateLogger<RedisTopicEventBus>() ?? NullLogger<RedisTopicEventBus>.Instance);

    [Fact]
    public async Task A_message_sent_on_one_instance_reaches_subscribers_on_every_instance_once()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var a = CreateBus(redis);
        await using var b = CreateBus(redis);
        await using var onA = await a.SubscribeAsync<Numbered>("numbers");
        await using var onB1 = await b.SubscribeAsync<Numbered>("numbers");
        await using var onB2 = await b.SubscribeAsync<Numbered>("numbers");

        for (var i = 0; i < 20; i++)
        {
            await a.SendAsync("numbers", new Numbered(i));
        }

        foreach (var subscription in new[] { onA, onB1, onB2 })
        {
            Assert.Equal(Enumerable.Range(0, 20), await TakeAsync(subscription, 20));
        }

        // Nothing more: each entry was fanned out once per subscriber.
        await a.SendAsync("numbers", new Numbered(-1));
        Assert.Equal([-1], await TakeAsync(onB1, 1));
    }

    [Fact]
    public async Task A_message_sent_twice_with_one_event_id_is_delivered_once()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var sender = CreateBus(redis);
        await using var reader = CreateBus(redis);
        await using var subscription = await reader.SubscribeAsync<Numbered>("once");

        await sender.SendAsync("once", new Numbered(1), "event-1");
        await sender.SendAsync("once", new Numbered(1), "event-1");
        await sender.SendAsync("once", new Numbered(2), "event-2");

        Assert.Equal([1, 2], await TakeAsync(subscription, 2));
        // Both copies are in the stream; the reader dropped the second.
        var range = await redis.ExecuteAsync("XRANGE", "newsgraph:events:once", "-", "+");
        Assert.Equal(2, range.Split("\"id\":\"event-1\"").Length - 1);
        await sender.SendAsync("once", new Numbered(3), "event-3");
        Assert.Equal([3], await TakeAsync(subscription, 1));
    }

    [Fact]
    public async Task Entries_dropped_from_the_stream_while_an_instance_could_not_read_are_reported_as_lost()
    {
        await using var redis = await RedisServer.StartAsync();
        // The instance connects as a user of its own, so the test can take its right to read away (it is "away").
        Assert.StartsWith("+OK", await redis.ExecuteAsync("ACL", "SETUSER", "bus", "on", ">bus-secret", "~*", "&*", "+@all"), StringComparison.Ordinal);
        var logs = new CapturedLogs();
        await using var bus = CreateBus(redis, credentials: ",user=bus,password=bus-secret", logs: logs);
        await using var subscription = await bus.SubscribeAsync<Numbered>("gaps");
        await bus.SendAsync("gaps", new Numbered(0));
        Assert.Equal([0], await TakeAsync(subscription, 1));

        await redis.ExecuteAsync("ACL", "SETUSER", "bus", "-xread");
        await redis.ExecuteAsync("PUBLISH", "newsgraph:doorbell:gaps", "");
        await logs.WaitForAsync(e => e.Message.StartsWith("Reading Redis stream newsgraph:events:gaps failed", StringComparison.Ordinal), "a failed read");
        // Meanwhile: 300 events, of which the stream keeps the newest 10.
        await redis.ExecuteAsync(
            "EVAL",
            """for i = 1, 300 do redis.call('XADD', KEYS[1], '*', 'envelope', '{"body":{"number":' .. i .. '}}') end redis.call('XTRIM', KEYS[1], 'MAXLEN', 10) return 1""",
            "1", "newsgraph:events:gaps");
        await redis.ExecuteAsync("ACL", "SETUSER", "bus", "+xread");

        Assert.Equal(Enumerable.Range(291, 10), await TakeAsync(subscription, 10));
        Assert.Equal(1, bus.TrimmedUnreadGaps);
    }

    [Fact]
    public async Task Dropping_entries_that_were_already_read_is_not_a_loss()
    {
        await using var redis = await RedisServer.StartAsync();
        Assert.StartsWith("+OK", await redis.ExecuteAsync("ACL", "SETUSER", "bus", "on", ">bus-secret", "~*", "&*", "+@all"), StringComparison.Ordinal);
        var logs = new CapturedLogs();
        await using var bus = CreateBus(redis, credentials: ",user=bus,password=bus-secret", logs: logs);
        await using var subscription = await bus.SubscribeAsync<Numbered>("trimmed");
        for (var i = 0; i < 20; i++)
        {
            await bus.SendAsync("trimmed", new Numbered(i));
        }

        Assert.Equal(Enumerable.Range(0, 20), await TakeAsync(subscription, 20));
        // Away briefly (its reads fail), while the stream drops entries it had already read: checked, nothing lost.
        await redis.ExecuteAsync("ACL", "SETUSER", "bus", "-xread");
        await redis.ExecuteAsync("PUBLISH", "newsgraph:doorbell:trimmed", "");
        await logs.WaitForAsync(e => e.Message.StartsWith("Reading Redis stream newsgraph:events:trimmed failed", StringComparison.Ordinal), "a failed read");
        await redis.ExecuteAsync("XTRIM", "newsgraph:events:trimmed", "MAXLEN", "5");
        await redis.ExecuteAsync("ACL", "SETUSER", "bus", "+xread");
        await bus.SendAsync("trimmed", new Numbered(20));

        Assert.Equal([20], await TakeAsync(subscription, 1));
        Assert.Equal(0, bus.TrimmedUnreadGaps);
    }

    [Fact]
    public async Task Keys_and_the_envelope_are_readable_and_other_systems_can_publish()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var bus = CreateBus(redis);
        await using var subscription = await bus.SubscribeAsync<Numbered>("ArticlePublished");

        // What the README shows a CMS or a script doing with redis-cli.
        var reply = await redis.ExecuteAsync(
            "XADD", "newsgraph:events:ArticlePublished", "MAXLEN", "~", "10000", "*",
            "envelope", """{"id":"cms-1","body":{"number":7}}""");
        Assert.StartsWith("$", reply, StringComparison.Ordinal);
        await redis.ExecuteAsync("PUBLISH", "newsgraph:doorbell:ArticlePublished", "");

        Assert.Equal([7], await TakeAsync(subscription, 1));

        await bus.SendAsync("ArticlePublished", new Numbered(8));
        Assert.Equal([8], await TakeAsync(subscription, 1));
        var range = await redis.ExecuteAsync("XRANGE", "newsgraph:events:ArticlePublished", "-", "+");
        Assert.Contains("\"body\":{\"number\":8}", range, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Killed_connections_lose_nothing_and_duplicate_nothing()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var publisher = CreateBus(redis);
        await using var reader = CreateBus(redis);
        await using var first = await reader.SubscribeAsync<Numbered>("blips");
        await using var second = await reader.SubscribeAsync<Numbered>("blips");
        await using var local = await publisher.SubscribeAsync<Numbered>("blips");

        const int count = 300;
        var sent = 0;
        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                await publisher.SendAsync("blips", new Numbered(i));
                Interlocked.Increment(ref sent);
            }
        });

        // Five blips spread over the sending: each after another sixth of the messages went out.
        for (var blip = 1; blip <= 5; blip++)
        {
            var after = blip * count / 6;
            await Wait.UntilAsync(() => Volatile.Read(ref sent) >= after, $"{after} messages sent", Timeout);
            await redis.KillClientsAsync();
        }

        await sending.WaitAsync(Timeout);
        await publisher.SendAsync("blips", Sentinel);
        foreach (var subscription in new[] { first, second, local })
        {
            Assert.Equal([.. Enumerable.Range(0, count), Sentinel.Number], await TakeAsync(subscription, count + 1));
        }
    }

    [Fact]
    public async Task A_Redis_restart_with_persistence_loses_nothing_and_duplicates_nothing()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var publisher = CreateBus(redis);
        await using var reader = CreateBus(redis);
        await using var subscription = await reader.SubscribeAsync<Numbered>("restart");

        const int count = 200;
        var sent = 0;
        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                await publisher.SendAsync("restart", new Numbered(i));
                Interlocked.Increment(ref sent);
                // Paced, so that the restart falls in the middle of the sending rather than after it.
                await Task.Delay(2);
            }
        });
        await Wait.UntilAsync(() => Volatile.Read(ref sent) >= count / 4, $"{count / 4} messages sent", Timeout);
        await redis.RestartAsync();

        await sending.WaitAsync(Timeout);
        await publisher.SendAsync("restart", Sentinel);
        Assert.Equal([.. Enumerable.Range(0, count), Sentinel.Number], await TakeAsync(subscription, count + 1));
    }

    [Fact]
    public async Task With_Redis_down_at_start_delivery_begins_when_it_appears()
    {
        await using var redis = RedisServer.Reserve();
        await using var bus = CreateBus(redis);
        Assert.False(bus.IsConnected);
        await using var subscription = await bus.SubscribeAsync<Numbered>("late").AsTask().WaitAsync(Timeout);

        await redis.StartProcessAsync();
        await using var publisher = CreateBus(redis);
        await publisher.SendAsync("late", new Numbered(1));

        Assert.Equal([1], await TakeAsync(subscription, 1));
        Assert.True(bus.IsConnected);
    }

    [Fact]
    public async Task The_health_check_follows_the_connection()
    {
        await using var redis = RedisServer.Reserve();
        await using var bus = CreateBus(redis);
        var check = new RedisTopicEventBusHealthCheck(bus);
        var context = new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext();

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, (await check.CheckHealthAsync(context)).Status);

        await redis.StartProcessAsync();
        await Wait.UntilAsync(
            async () => (await check.CheckHealthAsync(context)).Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
            "a healthy bus after Redis started",
            Timeout);
    }

    private static async Task<List<int>> TakeAsync(ITopicSubscription<Numbered> subscription, int count)
    {
        var result = new List<int>();
        using var timeout = new CancellationTokenSource(Timeout);
        await using var enumerator = subscription.ReadEventsAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        while (result.Count < count && await enumerator.MoveNextAsync())
        {
            result.Add(enumerator.Current.Number);
        }

        return result;
    }

    /// <summary>Two poll intervals without a further message: no duplicate was on its way.</summary>
}
