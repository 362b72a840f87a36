namespace NewsGraph.GraphQL.Subscriptions;

/// <summary>
/// The messages of one subscription, read by one reader at a time: either as an async stream or, for GraphQL.NET's
/// <c>ResolveStream</c>/<c>ResolveStreamAsync</c>, as an observable with a single observer. Disposing the stream
/// (or the observer's subscription) removes the subscriber from the bus.
/// </summary>
/// <remarks>
/// When the subscriber falls further behind than its buffer allows, the bus drops it: the stream ends with a
/// <see cref="TopicSubscriberOverflowException"/> (the observer gets it in <c>OnError</c>) after the messages
/// that were already buffered. A slow subscriber therefore never slows the others or grows memory without bound.
/// </remarks>
public interface ITopicSubscription<out TMessage> : IObservable<TMessage>, IAsyncDisposable
{
    /// <summary>The topic this stream is subscribed to.</summary>
    string Topic { get; }

    /// <summary>Reads the messages until the stream is disposed, completed or dropped.</summary>
    IAsyncEnumerable<TMessage> ReadEventsAsync(CancellationToken cancellationToken = default);
}
