using System.Runtime.CompilerServices;

namespace NewsGraph.GraphQL.Subscriptions;

/// <summary>
/// One subscriber of one topic: its bounded buffer, read once as an async stream or by one observer.
/// <para>
/// Built for many idle subscribers (one per GraphQL subscription): the buffer is a plain queue created at the first
/// message, and an observer is fed by a work item queued only while messages wait — no channel, pump loop or
/// cancellation source per subscriber while nothing happens. Writers never wait: a full buffer means the subscriber
/// is too slow; it is dropped and, after what it had buffered, sees a <see cref="TopicSubscriberOverflowException"/>.
/// </para>
/// </summary>
internal sealed class TopicSubscription<TMessage> : ITopicSubscription<TMessage>, ITopicSubscriber, IThreadPoolWorkItem
{
    private readonly TopicEventHub _hub;
    private readonly int _capacity;
    private readonly Lock _gate = new();
    private Queue<TMessage>? _buffer;
    // No more messages are accepted (overflow or disposed); what is buffered is still delivered unless disposed.
    private bool _completed;
    private Exception? _error;
    private bool _disposed;
    private bool _reading;
    private IObserver<TMessage>? _observer;
    private bool _draining;
    private bool _terminated;
    private TaskCompletionSource? _readerWaiting;

    public TopicSubscription(TopicEventHub hub, string topic, int capacity)
    {
        _hub = hub;
        Topic = topic;
        _capacity = capacity;
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

        TaskCompletionSource? wake;
        bool schedule;
        bool accepted;
        var overflowed = false;
        lock (_gate)
        {
            accepted = false;
            schedule = false;
            wake = null;
            if (!_completed)
            {
                var buffer = _buffer ??= new Queue<TMessage>();
                if (buffer.Count < _capacity)
                {
                    buffer.Enqueue(value);
                    accepted = true;
                }
                else
                {
                    // Full: the subscriber is too slow. It keeps what it buffered, then learns why it was dropped.
                    _completed = true;
                    _error = TopicSubscriberOverflowException.ForTopic(Topic, _capacity);
                    overflowed = true;
                }

                schedule = StartDrainLocked();
                wake = TakeReaderLocked();
            }
        }

        wake?.TrySetResult();
        Schedule(schedule);
        if (overflowed)
        {
            _hub.OnSubscriberOverflow();
        }

        if (!accepted)
        {
            // Full or already completed (disposed or dropped concurrently): both end with the subscriber off the topic.
            _hub.Remove(Topic, this);
        }

        return accepted;
    }

    public async IAsyncEnumerable<TMessage> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // One reader at a time (the buffer has a single consumer); reading again after a reader stopped is fine.
        lock (_gate)
        {
            if (_reading || _observer is not null)
            {
                throw new InvalidOperationException("A subscription can be read by one reader at a time.");
            }

            _reading = true;
        }

        try
        {
            while (true)
            {
                TMessage message;
                Task waiting;
                lock (_gate)
                {
                    if (_disposed)
                    {
                        yield break;
                    }

                    if (_buffer is { Count: > 0 } buffer)
                    {
                        message = buffer.Dequeue();
                        waiting = Task.CompletedTask;
                    }
                    else if (_completed)
                    {
                        if (_error is { } error)
                        {
                            throw error;
                        }

                        yield break;
                    }
                    else
                    {
                        message = default!;
                        _readerWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        waiting = _readerWaiting.Task;
                    }
                }

                if (!waiting.IsCompleted)
                {
                    await waiting.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                yield return message;
            }
        }
        finally
        {
            lock (_gate)
            {
                _reading = false;
                _readerWaiting = null;
            }
        }
    }

    public IDisposable Subscribe(IObserver<TMessage> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        bool schedule;
        lock (_gate)
        {
            if (_reading || _observer is not null)
            {
                throw new InvalidOperationException("A subscription can be read by one reader at a time.");
            }

            _observer = observer;
            schedule = StartDrainLocked();
        }

        // Whatever arrived before the observer (or the end of the stream) is delivered now, in order.
        Schedule(schedule);
        return new Unsubscriber(this);
    }

    public ValueTask DisposeAsync()
    {
        End();
        return ValueTask.CompletedTask;
    }

    /// <summary>Unsubscribes: off the topic, buffer dropped, a waiting reader released; idempotent.</summary>
    private void End()
    {
        TaskCompletionSource? wake;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _completed = true;
            _buffer = null;
            wake = TakeReaderLocked();
        }

        _hub.Remove(Topic, this);
        wake?.TrySetResult();
    }

    /// <summary>
    /// Feeds the observer: one message at a time (never concurrently — only one work item drains), in order, then
    /// the end of the stream. Runs only while something waits; a slow observer holds up only its own subscription.
    /// </summary>
    void IThreadPoolWorkItem.Execute()
    {
        while (true)
        {
            IObserver<TMessage> observer;
            TMessage message;
            Exception? error = null;
            var end = false;
            lock (_gate)
            {
                observer = _observer!;
                if (_disposed)
                {
                    _draining = false;
                    return; // unsubscribed: nothing more is owed to the observer
                }

                if (_buffer is { Count: > 0 } buffer)
                {
                    message = buffer.Dequeue();
                }
                else if (_completed && !_terminated)
                {
                    _terminated = true;
                    _draining = false;
                    message = default!;
                    error = _error;
                    end = true;
                }
                else
                {
                    _draining = false;
                    return;
                }
            }

            if (end)
            {
                if (error is not null)
                {
                    observer.OnError(error);
                    End();
                }
                else
                {
                    observer.OnCompleted();
                }

                return;
            }

            try
            {
                observer.OnNext(message);
            }
#pragma warning disable CA1031 // A faulty observer ends its own stream, not the thread pool.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                lock (_gate)
                {
                    _draining = false;
                    _terminated = true;
                    if (_disposed)
                    {
                        return;
                    }
                }

                observer.OnError(ex);
                End();
                return;
            }
        }
    }

    /// <summary>Under the lock: true when the caller must queue the drain (an observer, work waiting, no drain running).</summary>
    private bool StartDrainLocked()
    {
        if (_observer is null || _draining || _disposed || ((_buffer is null || _buffer.Count == 0) && (!_completed || _terminated)))
        {
            return false;
        }

        _draining = true;
        return true;
    }

    private TaskCompletionSource? TakeReaderLocked()
    {
        var waiting = _readerWaiting;
        _readerWaiting = null;
        return waiting;
    }

    private void Schedule(bool schedule)
    {
        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private sealed class Unsubscriber(TopicSubscription<TMessage> subscription) : IDisposable
    {
        public void Dispose() => subscription.End();
    }
}
