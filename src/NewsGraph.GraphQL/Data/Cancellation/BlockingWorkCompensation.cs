namespace NewsGraph.GraphQL.Data.Cancellation;

/// <summary>
/// Replaces thread-pool threads held by synchronous database work. SQLite runs a statement on the calling thread, so a
/// slow statement holds a pool thread for as long as it runs; the pool sees a busy thread, not a blocked one, and adds
/// threads for the requests queued behind it only slowly (about one every half second): a burst of slow searches made
/// every other request, and the slow ones' own timeouts, wait for seconds. The runtime compensates like this for
/// threads blocked in <c>Task.Wait</c> or <c>Monitor.Wait</c>, but cannot see a native SQLite call. This raises the
/// pool's minimum by one for each piece of work that has held its thread longer than <see cref="BlockedAfter"/>, and
/// lowers it again as they finish: a blocked thread is replaced within ~75 ms, while fast statements never change the
/// pool (a permanently larger pool runs more requests at once and costs throughput: bench/README.md, throughput).
/// </summary>
/// <remarks>Hand-written: the runtime's blocking compensation is not public, and no served package provides one.</remarks>
internal sealed class BlockingWorkCompensation
{
    private static readonly long BlockedAfter = (long)TimeSpan.FromMilliseconds(50).TotalMilliseconds;
    private static readonly int CheckInterval = (int)TimeSpan.FromMilliseconds(25).TotalMilliseconds;

    // Enough for any burst a 2-core server can make progress on; past it the pool grows at its own pace.
    private const int MaxExtraThreads = 256;

    // A monitor, not a System.Threading.Lock: the thread sleeps on it with Monitor.Wait between checks.
    private readonly object _gate = new();
    private readonly HashSet<Work> _running = [];
    private bool _started;
    private int _baseWorkers;
    private int _baseCompletionPorts;
    private int _extra;

    public static BlockingWorkCompensation Shared { get; } = new();

    /// <summary>The calling thread starts work that may block it; dispose the result when the work is done.</summary>
    public IDisposable Begin()
    {
        var work = new Work(this, Environment.TickCount64);
        lock (_gate)
        {
            _running.Add(work);
            if (!_started)
            {
                _started = true;
                ThreadPool.GetMinThreads(out _baseWorkers, out _baseCompletionPorts);
                new Thread(Run) { IsBackground = true, Name = "NewsGraph blocking work compensation" }.Start();
            }
            else if (_running.Count == 1)
            {
                Monitor.Pulse(_gate);
            }
        }

        return work;
    }

    private void End(Work work)
    {
        lock (_gate)
        {
            _running.Remove(work);
        }
    }

    private void Run()
    {
        while (true)
        {
            int blocked;
            lock (_gate)
            {
                // Idle (nothing running, nothing raised): sleep until work begins.
                if (_running.Count == 0 && _extra == 0)
                {
                    Monitor.Wait(_gate);
                }
                else
                {
                    Monitor.Wait(_gate, CheckInterval);
                }

                var now = Environment.TickCount64;
                blocked = Math.Min(MaxExtraThreads, _running.Count(work => now - work.Started >= BlockedAfter));
            }

            if (blocked != _extra && ThreadPool.SetMinThreads(_baseWorkers + blocked, _baseCompletionPorts))
            {
                _extra = blocked;
            }
        }
    }

    private sealed class Work(BlockingWorkCompensation owner, long started) : IDisposable
    {
        private int _disposed;

        public long Started { get; } = started;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.End(this);
            }
        }
    }
}
