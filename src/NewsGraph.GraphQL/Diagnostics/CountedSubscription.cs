namespace NewsGraph.GraphQL.Diagnostics;

/// <summary>
/// An event stream's subscription that counts as active (<see cref="GraphQLMetrics.SubscriptionStarted"/>) from
/// creation until its first disposal, however the stream ends: the client stops it, it completes, or the connection goes.
/// </summary>
internal sealed class CountedSubscription : IDisposable
{
    private readonly IDisposable _inner;
    private readonly GraphQLMetrics _metrics;
    private readonly GraphQLTransport _transport;
    private int _disposed;

    private CountedSubscription(IDisposable inner, GraphQLMetrics metrics, GraphQLTransport transport)
    {
        _inner = inner;
        _metrics = metrics;
        _transport = transport;
        metrics.SubscriptionStarted(transport);
    }

    /// <summary><paramref name="subscription"/> itself when there is nothing to count with.</summary>
    public static IDisposable Track(IDisposable subscription, GraphQLMetrics? metrics, GraphQLTransport transport)
        => metrics is null ? subscription : new CountedSubscription(subscription, metrics, transport);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            _inner.Dispose();
        }
        finally
        {
            _metrics.SubscriptionEnded(_transport);
        }
    }
}
