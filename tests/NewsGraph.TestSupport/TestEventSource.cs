namespace NewsGraph.TestSupport;

/// <summary>
/// An event source a test pushes into (<see cref="Publish"/>): every live subscriber gets every value. It counts live
/// subscribers and all subscriptions ever made, so a test can wait for a server to have subscribed (or let go)
/// instead of sleeping.
/// </summary>
public sealed class TestEventSource<T> : IObservable<T>
{
    private readonly List<IObserver<T>> _observers = [];
    private int _subscriptions;

    public int SubscriberCount
    {
        get
        {
            lock (_observers)
            {
                return _observers.Count;
            }
        }
    }

    /// <summary>How many subscriptions were made since the source was created, ended ones included.</summary>
    public int SubscriptionCount => Volatile.Read(ref _subscriptions);

    public IDisposable Subscribe(IObserver<T> observer)
    {
        lock (_observers)
        {
            _observers.Add(observer);
        }

        Interlocked.Increment(ref _subscriptions);
        return new Unsubscriber(this, observer);
    }

    public void Publish(T value)
    {
        foreach (var observer in Snapshot())
        {
            observer.OnNext(value);
        }
    }

    public void Complete()
    {
        foreach (var observer in Snapshot())
        {
            observer.OnCompleted();
        }
    }

    public void Fail(string message)
    {
        foreach (var observer in Snapshot())
        {
            observer.OnError(new InvalidOperationException(message));
        }
    }

    /// <summary>Waits (bounded) until exactly <paramref name="count"/> subscribers are live.</summary>
    public Task WaitForSubscribersAsync(int count, TimeSpan? timeout = null) =>
        Wait.UntilAsync(() => SubscriberCount == count, $"{count} live subscriber(s)", timeout);

    /// <summary>Waits (bounded) until <paramref name="count"/> subscriptions have been made in all.</summary>
    public Task WaitForSubscriptionsAsync(int count, TimeSpan? timeout = null) =>
        Wait.UntilAsync(() => SubscriptionCount >= count, $"{count} subscription(s) in all", timeout);

    private IObserver<T>[] Snapshot()
    {
        lock (_observers)
        {
            return [.. _observers];
        }
    }

    private sealed class Unsubscriber(TestEventSource<T> source, IObserver<T> observer) : IDisposable
    {
        public void Dispose()
        {
            lock (source._observers)
            {
                source._observers.Remove(observer);
            }
        }
    }
}
