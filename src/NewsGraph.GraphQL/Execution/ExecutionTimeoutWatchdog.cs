namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// Cancels execution timeouts from a thread of its own. A .NET timer runs its callback on the thread pool, and the
/// requests that time out are typically the ones holding pool threads (SQLite runs a statement synchronously on the
/// calling thread): with every pool thread inside a slow statement, a 2 s timeout fired only once a statement had
/// finished by itself, seconds later, and the statement it was meant to stop ran to its end. Cancelling here, the
/// token's callbacks (interrupting the running statement among them) run on time however busy the pool is.
/// </summary>
/// <remarks>Hand-written: no served package offers a timer that does not depend on the thread pool.</remarks>
internal sealed class ExecutionTimeoutWatchdog
{
    private readonly PriorityQueue<Deadline, long> _deadlines = new();
    // A monitor, not a System.Threading.Lock: the thread sleeps on it with Monitor.Wait until the next deadline or a Pulse.
    private readonly object _gate = new();
    private bool _started;

    public static ExecutionTimeoutWatchdog Shared { get; } = new();

    /// <summary>Cancels <paramref name="source"/> once <paramref name="timeout"/> has elapsed, unless the returned deadline is disposed first.</summary>
    public IDisposable Schedule(CancellationTokenSource source, TimeSpan timeout)
    {
        var deadline = new Deadline(source);
        var due = Environment.TickCount64 + (long)Math.Ceiling(timeout.TotalMilliseconds);
        lock (_gate)
        {
            _deadlines.Enqueue(deadline, due);
            if (!_started)
            {
                _started = true;
                new Thread(Run) { IsBackground = true, Name = "NewsGraph execution timeouts" }.Start();
            }

            // Wake the thread when this deadline is now the earliest one (it may be sleeping until a later one).
            if (ReferenceEquals(_deadlines.Peek(), deadline))
            {
                Monitor.Pulse(_gate);
            }
        }

        return deadline;
    }

    private void Run()
    {
        while (true)
        {
            Deadline? due = null;
            lock (_gate)
            {
                while (due is null)
                {
                    if (!_deadlines.TryPeek(out var next, out var at))
                    {
                        Monitor.Wait(_gate);
                    }
                    else if (next.IsDisposed)
                    {
                        // A request that finished in time: its deadline is dropped when it comes up.
                        _deadlines.Dequeue();
                    }
                    else if (at - Environment.TickCount64 is var wait and > 0)
                    {
                        Monitor.Wait(_gate, (int)Math.Min(wait, int.MaxValue));
                    }
                    else
                    {
                        due = _deadlines.Dequeue();
                    }
                }
            }

            // Outside the lock: the token's callbacks run here and may take a moment.
            due.Expire();
        }
    }

    private sealed class Deadline(CancellationTokenSource source) : IDisposable
    {
        private CancellationTokenSource? _source = source;

        public bool IsDisposed => Volatile.Read(ref _source) is null;

        // Drops the source at once, so a finished request's token is not kept alive until its deadline comes up.
        public void Dispose() => Interlocked.Exchange(ref _source, null);

        public void Expire()
        {
            if (Interlocked.Exchange(ref _source, null) is not { } expired)
            {
                return;
            }

            try
            {
                expired.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The request finished and disposed its source in the same instant.
            }
            catch (AggregateException)
            {
                // A cancellation callback failed; the request sees its token cancelled all the same.
            }
        }
    }
}
