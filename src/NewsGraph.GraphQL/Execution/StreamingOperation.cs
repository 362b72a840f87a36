using Microsoft.Extensions.DependencyInjection;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// One operation of a streaming connection (a WebSocket, an SSE stream in single connection mode), from its start
/// until it ends (completed by either side, failed, or the connection closed). It owns its DI scope, the cancellation
/// of its execution and the subscription to its event stream, and releases all three exactly once.
/// </summary>
internal sealed class StreamingOperation : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly object _gate = new();
    private AsyncServiceScope? _scope;
    private IDisposable? _subscription;
    private bool _ended;

    public StreamingOperation(string id)
    {
        Id = id;
        // Read once: the source is disposed when the operation ends, its token stays valid (and cancelled).
        Token = _cancellation.Token;
    }

    public string Id { get; }

    /// <summary>
    /// The transport's bytes before a result's payload, with the operation's id escaped once per operation (set at
    /// its first result; graphql-ws: <c>{"type":"next","id":"…",</c>): every result message of the operation starts
    /// with it, followed by the shared payload bytes.
    /// </summary>
    public byte[]? ResultPrefix { get; set; }

    /// <summary>Cancelled when the operation ends, so a query still executing stops.</summary>
    public CancellationToken Token { get; }

    public bool HasEnded
    {
        get
        {
            lock (_gate)
            {
                return _ended;
            }
        }
    }

    /// <summary>The scope the operation executes in; disposed when the operation ends.</summary>
    public IServiceProvider CreateScope(IServiceScopeFactory scopes)
    {
        var scope = scopes.CreateAsyncScope();
        lock (_gate)
        {
            if (!_ended)
            {
                _scope = scope;
                return scope.ServiceProvider;
            }
        }

        // Ended before it started: the scope is only needed for the (cancelled) execution.
        _ = DisposeQuietlyAsync(scope);
        return scope.ServiceProvider;
    }

    /// <summary>Keeps the event stream's subscription; false (and disposed) when the operation already ended.</summary>
    public bool TryAttach(IDisposable subscription)
    {
        lock (_gate)
        {
            if (!_ended)
            {
                _subscription = subscription;
                return true;
            }
        }

        subscription.Dispose();
        return false;
    }

    /// <summary>Ends the operation: cancels it, unsubscribes from its stream and disposes its scope. Idempotent.</summary>
    public void End()
    {
        IDisposable? subscription;
        AsyncServiceScope? scope;
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            subscription = _subscription;
            scope = _scope;
            _subscription = null;
            _scope = null;
        }

        _cancellation.Cancel();
        try
        {
            subscription?.Dispose();
        }
        finally
        {
            if (scope is { } s)
            {
                _ = DisposeQuietlyAsync(s);
            }

            _cancellation.Dispose();
        }
    }

    public void Dispose() => End();

    /// <summary>Disposing scoped services may be asynchronous (DbContext); nothing waits for it and it must never throw.</summary>
    private static async Task DisposeQuietlyAsync(AsyncServiceScope scope)
    {
        try
        {
            await scope.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A failing Dispose of a scoped service must not take the connection down.
        }
    }
}
