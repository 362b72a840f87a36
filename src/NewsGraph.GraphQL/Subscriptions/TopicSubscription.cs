using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace NewsGraph.GraphQL.Subscriptions;

/// <summary>One subscriber of one topic: its bounded buffer, read once as an async stream or by one observer.</summary>
internal sealed class TopicSubscription<TMessage> : ITopicSubscription<TMessage>, ITopicSubscriber
{
    private readonly TopicEventHub _hub;
    private readonly int _capacity;
    private readonly Channel<TMessage> _buffer;
    private readonly CancellationTokenSource _disposed = new();
    private int _readers;

    public TopicSubscription(TopicEventHub hub, string topic, int capacity)
    {
        _hub = hub;
        Topic = topic;
        _capacity = capacity;
        // Writers never wait (TryWrite): a full buffer means the subscriber is too slow and is dropped, see Offer.
        _buffer = Channel.CreateBounded<TMessage>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string Topic { get; }

    public bool Offer(object? message)
    {
        TMessage value;
        if (message is TMessage typed)
        {
            value = typed;
        }
        else if (message is ISerializedEventMessage serialized && serialized.TryGetMessage(out TMessage deserialized))
        {
            value = deserialized;
        }
        else
        {
            return false;
        }

        if (_buffer.Writer.TryWrite(value))
        {
            return true;
        }

        // Either full (too slow: drop it, with a reason the reader sees after the buffered messages) or already
        // completed (disposed or dropped concurrently): both end with the subscriber off the topic.
        _buffer.Writer.TryComplete(TopicSubscriberOverflowException.ForTopic(Topic, _capacity));
        _hub.Remove(Topic, this);
        return false;
    }

    public async IAsyncEnumerable<TMessage> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // One reader at a time (the buffer has a single consumer); reading again after a reader stopped is fine.
        if (Interlocked.Exchange(ref _readers, 1) != 0)
        {
            throw new InvalidOperationException("A subscription can be read by one reader at a time.");
        }

        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
            var reader = _buffer.Reader;
            bool more;
            do
            {
                try
                {
                    more = await reader.WaitToReadAsync(linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_disposed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // Disposed while reading: the stream simply ends.
                    yield break;
                }

                while (more && reader.TryRead(out var message))
                {
                    yield return message;
                }
            }
            while (more);
        }
        finally
        {
            Volatile.Write(ref _readers, 0);
        }
    }

    public IDisposable Subscribe(IObserver<TMessage> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        // The pump delivers one message at a time, so the observer never sees concurrent OnNext calls.
        _ = Task.Run(() => PumpAsync(observer));
        return new Unsubscriber(this);
    }

    public ValueTask DisposeAsync()
    {
        if (!_disposed.IsCancellationRequested)
        {
            _hub.Remove(Topic, this);
            _buffer.Writer.TryComplete();
            _disposed.Cancel();
        }

        return ValueTask.CompletedTask;
    }

    private async Task PumpAsync(IObserver<TMessage> observer)
    {
        try
        {
            await foreach (var message in ReadEventsAsync(_disposed.Token).ConfigureAwait(false))
            {
                observer.OnNext(message);
            }
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            return; // unsubscribed: nothing more is owed to the observer
        }
#pragma warning disable CA1031 // Whatever ended the stream (a drop, a faulty observer) belongs to the observer, not to a thread-pool crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (!_disposed.IsCancellationRequested)
            {
                observer.OnError(ex);
            }

            await DisposeAsync().ConfigureAwait(false);
            return;
        }

        if (!_disposed.IsCancellationRequested)
        {
            observer.OnCompleted();
        }
    }

    private sealed class Unsubscriber(TopicSubscription<TMessage> subscription) : IDisposable
    {
        public void Dispose() => subscription.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
