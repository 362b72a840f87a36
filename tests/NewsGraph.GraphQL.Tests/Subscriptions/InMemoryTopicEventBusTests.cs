using System.Threading.Channels;
using NewsGraph.GraphQL.Subscriptions;

namespace NewsGraph.GraphQL.Tests.Subscriptions;

public sealed class InMemoryTopicEventBusTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static (InMemoryTopicEventBus Bus, TopicEventHub Hub) CreateBus(int capacity = 256)
    {
        var hub = new TopicEventHub(new TopicEventBusOptions { SubscriberBufferCapacity = capacity });
        return (new InMemoryTopicEventBus(hub), hub);
    }

    [Fact]
    public async Task Every_subscriber_of_a_topic_receives_every_message_in_order()
    {
        var (bus, _) = CreateBus();
        await using var first = await bus.SubscribeAsync<int>("numbers");
        await using var second = await bus.SubscribeAsync<int>("numbers");
        await using var other = await bus.SubscribeAsync<int>("other");

        for (var i = 0; i < 100; i++)
        {
            await bus.SendAsync("numbers", i);
        }

        Assert.Equal(Enumerable.Range(0, 100), await TakeAsync(first, 100));
        Assert.Equal(Enumerable.Range(0, 100), await TakeAsync(second, 100));
        await bus.SendAsync("other", -1);
        Assert.Equal([-1], await TakeAsync(other, 1));
    }

    [Fact]
    public async Task A_subscriber_receives_only_messages_sent_after_it_subscribed()
    {
        var (bus, _) = CreateBus();
        await bus.SendAsync("late", 1);
        await using var subscription = await bus.SubscribeAsync<int>("late");
        await bus.SendAsync("late", 2);
        Assert.Equal([2], await TakeAsync(subscription, 1));
    }

    [Fact]
    public async Task A_slow_subscriber_is_dropped_with_an_error_without_holding_up_the_others()
    {
        var (bus, hub) = CreateBus(capacity: 8);
        await using var stuck = await bus.SubscribeAsync<int>("burst");
        await using var reader = await bus.SubscribeAsync<int>("burst");
        var live = new RecordingObserver<int>();
        using var liveHandle = reader.Subscribe(live);

        for (var i = 0; i < 1_000; i++)
        {
            await bus.SendAsync("burst", i);
            if (i % 4 == 3)
            {
                await live.WaitForCountAsync(i + 1, Timeout); // the live reader keeps up; the stuck one never reads
            }
        }

        // The stuck subscriber keeps what it buffered, then sees why it was dropped; it holds at most its capacity.
        var buffered = new List<int>();
        var error = await Assert.ThrowsAsync<TopicSubscriberOverflowException>(async () =>
        {
            await foreach (var message in stuck.ReadEventsAsync().WithCancellation(new CancellationTokenSource(Timeout).Token))
            {
                buffered.Add(message);
            }
        });
        Assert.Contains("burst", error.Message, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, 8), buffered);
        Assert.Equal(1, hub.CountSubscribers("burst"));

        Assert.Equal(Enumerable.Range(0, 1_000), await live.TakeAsync(1_000, Timeout));
    }

    [Fact]
    public async Task Disposing_a_subscription_removes_the_subscriber_and_ends_its_stream()
    {
        var (bus, hub) = CreateBus();
        var subscription = await bus.SubscribeAsync<string>("topic");
        Assert.Equal(1, hub.CountSubscribers("topic"));
        var reading = ReadAllAsync(subscription);

        await subscription.DisposeAsync();

        Assert.Equal(0, hub.CountSubscribers("topic"));
        Assert.False(hub.HasSubscribers("topic"));
        Assert.Empty(await reading.WaitAsync(Timeout));
        await bus.SendAsync("topic", "nobody listens"); // no error, nowhere to go
    }

    [Fact]
    public async Task An_observer_gets_messages_one_at_a_time_and_unsubscribing_removes_it()
    {
        var (bus, hub) = CreateBus();
        var subscription = await bus.SubscribeAsync<int>("observed");
        var observer = new RecordingObserver<int>();
        var handle = subscription.Subscribe(observer);

        for (var i = 0; i < 50; i++)
        {
            await bus.SendAsync("observed", i);
        }

        Assert.Equal(Enumerable.Range(0, 50), await observer.TakeAsync(50, Timeout));
        Assert.Equal(0, observer.MaxConcurrency - 1);

        handle.Dispose();
        Assert.Equal(0, hub.CountSubscribers("observed"));
    }

    [Fact]
    public async Task An_observer_that_falls_behind_gets_OnError()
    {
        var (bus, _) = CreateBus(capacity: 4);
        var subscription = await bus.SubscribeAsync<int>("slow");
        using var gate = new SemaphoreSlim(0);
        var observer = new RecordingObserver<int>(onNext: () => gate.Wait(Timeout));
        using var handle = subscription.Subscribe(observer);

        for (var i = 0; i < 100; i++)
        {
            await bus.SendAsync("slow", i);
        }

        gate.Release(100);
        var error = await observer.Error.WaitAsync(Timeout);
        Assert.IsType<TopicSubscriberOverflowException>(error);
    }

    [Fact]
    public async Task Where_filters_per_subscriber()
    {
        var (bus, _) = CreateBus();
        await using var even = (await bus.SubscribeAsync<int>("filtered")).Where(i => i % 2 == 0);
        await using var all = await bus.SubscribeAsync<int>("filtered");
        for (var i = 0; i < 10; i++)
        {
            await bus.SendAsync("filtered", i);
        }

        Assert.Equal([0, 2, 4, 6, 8], await TakeAsync(even, 5));
        Assert.Equal(Enumerable.Range(0, 10), await TakeAsync(all, 10));
    }

    [Fact]
    public async Task Serialized_messages_are_read_once_per_type_and_shared()
    {
        var (_, hub) = CreateBus();
        await using var first = hub.Subscribe<Payload>("serialized");
        await using var second = hub.Subscribe<Payload>("serialized");
        var message = new CountingSerializedMessage();

        hub.Publish("serialized", message);

        var a = Assert.Single(await TakeAsync(first, 1));
        var b = Assert.Single(await TakeAsync(second, 1));
        Assert.Same(a, b);
        Assert.Equal(1, message.Reads);
    }

    private static async Task<List<T>> TakeAsync<T>(ITopicSubscription<T> subscription, int count)
    {
        var result = new List<T>();
        using var timeout = new CancellationTokenSource(Timeout);
        await using var enumerator = subscription.ReadEventsAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        while (result.Count < count && await enumerator.MoveNextAsync())
        {
            result.Add(enumerator.Current);
        }

        return result;
    }

    private static Task<List<T>> ReadAllAsync<T>(ITopicSubscription<T> subscription) => Task.Run(async () =>
    {
        var result = new List<T>();
        await foreach (var message in subscription.ReadEventsAsync())
        {
            result.Add(message);
        }

        return result;
    });

    private sealed record Payload(int Value);

    private sealed class CountingSerializedMessage : ISerializedEventMessage
    {
        private readonly Lock _gate = new();
        private object? _value;

        public int Reads { get; private set; }

        public bool TryGetMessage<TMessage>(out TMessage message)
        {
            lock (_gate)
            {
                if (_value is null)
                {
                    Reads++;
                    _value = new Payload(42);
                }
            }

            if (_value is TMessage typed)
            {
                message = typed;
                return true;
            }

            message = default!;
            return false;
        }
    }

    private sealed class RecordingObserver<T>(Action? onNext = null) : IObserver<T>
    {
        private readonly Channel<T> _values = Channel.CreateUnbounded<T>();
        private readonly TaskCompletionSource<Exception> _error = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inside;

        private int _count;

        public int MaxConcurrency { get; private set; }

        public Task WaitForCountAsync(int count, TimeSpan timeout) =>
            Wait.UntilAsync(() => Volatile.Read(ref _count) >= count, $"{count} messages", timeout);

        public Task<Exception> Error => _error.Task;

        public void OnCompleted() => _values.Writer.TryComplete();

        public void OnError(Exception error) => _error.TrySetResult(error);

        public void OnNext(T value)
        {
            var inside = Interlocked.Increment(ref _inside);
            MaxConcurrency = Math.Max(MaxConcurrency, inside);
            onNext?.Invoke();
            _values.Writer.TryWrite(value);
            Interlocked.Increment(ref _count);
            Interlocked.Decrement(ref _inside);
        }

        public async Task<List<T>> TakeAsync(int count, TimeSpan timeout)
        {
            using var cts = new CancellationTokenSource(timeout);
            var result = new List<T>();
            while (result.Count < count)
            {
                result.Add(await _values.Reader.ReadAsync(cts.Token));
            }

            return result;
        }
    }
}
