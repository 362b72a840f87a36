namespace NewsGraph.GraphQL.Tests.WebSockets;

/// <summary>An event source the tests push into: every subscriber gets every value; counts live subscribers.</summary>
public sealed class TestEventSource : IObservable<string>
{
    private readonly List<IObserver<string>> _observers = [];

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

    public IDisposable Subscribe(IObserver<string> observer)
    {
        lock (_observers)
        {
            _observers.Add(observer);
        }

        return new Unsubscriber(this, observer);
    }

    public void Publish(string value)
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
    public async Task WaitForSubscribersAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (SubscriberCount != count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} subscribers, have {SubscriberCount}.");
            await Task.Delay(20);
        }
    }

    private IObserver<string>[] Snapshot()
    {
        lock (_observers)
        {
            return [.. _observers];
        }
    }

    private sealed class Unsubscriber(TestEventSource source, IObserver<string> observer) : IDisposable
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
