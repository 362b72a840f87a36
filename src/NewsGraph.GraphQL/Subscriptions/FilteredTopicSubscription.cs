using System.Runtime.CompilerServices;

namespace NewsGraph.GraphQL.Subscriptions;

/// <summary>A subscription that passes on only the messages a predicate accepts (per-subscriber arguments).</summary>
internal sealed class FilteredTopicSubscription<TMessage>(ITopicSubscription<TMessage> inner, Func<TMessage, bool> predicate) : ITopicSubscription<TMessage>
{
    public string Topic => inner.Topic;

    public async IAsyncEnumerable<TMessage> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var message in inner.ReadEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (predicate(message))
            {
                yield return message;
            }
        }
    }

    public IDisposable Subscribe(IObserver<TMessage> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return inner.Subscribe(new FilteringObserver(observer, predicate));
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private sealed class FilteringObserver(IObserver<TMessage> observer, Func<TMessage, bool> predicate) : IObserver<TMessage>
    {
        public void OnCompleted() => observer.OnCompleted();

        public void OnError(Exception error) => observer.OnError(error);

        public void OnNext(TMessage value)
        {
            if (predicate(value))
            {
                observer.OnNext(value);
            }
        }
    }
}
