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

    // Work is tracked in fixed slots claimed with one compare-exchange, so beginning and ending work (every connection
    // open and close) takes no lock; the checking thread scans the slots. Work beyond them is simply not compensated.
    private const int Slots = 1024;

    // Enough for any burst a 2-core server can make progress on; past it the pool grows at its own pace.
    private const int MaxExtraThreads = 256;

    private readonly long[] _startedAt = new long[Slots];
    // A monitor, not a System.Threading.Lock: the idle thread sleeps on it (Monitor.Wait) until work begins.
    private readonly object _wake = new();
    private readonly Lock _startGate = new();
    private volatile bool _started;
    private int _active;
    private int _baseWorkers;
    private int _baseCompletionPorts;
    private int _extra;

    public static BlockingWorkCompensation Shared { get; } = new();

    /// <summary>The calling thread starts work that may block it; dispose the result when the work is done.</summary>
    public IDisposable Begin()
    {
        EnsureStarted();
        // Environment.TickCount64 counts milliseconds since boot: never 0, which marks a free slot.
        var now = Environment.TickCount64;
        var first = Environment.CurrentManagedThreadId;
        for (var i = 0; i < Slots; i++)
        {
            var slot = (first + i) & (Slots - 1);
            if (Interlocked.CompareExchange(ref _startedAt[slot], now, 0) == 0)
            {
                if (Interlocked.Increment(ref _active) == 1)
                {
                    lock (_wake)
                    {
                        Monitor.Pulse(_wake);
                    }
                }

                return new Work(this, slot);
            }
        }

        return Untracked.Instance;
    }

    private void End(int slot)
    {
        Volatile.Write(ref _startedAt[slot], 0);
        Interlocked.Decrement(ref _active);
    }

    private void EnsureStarted()
    {
        if (_started)
        {
            return;
        }

        lock (_startGate)
        {
            if (!_started)
            {
                ThreadPool.GetMinThreads(out _baseWorkers, out _baseCompletionPorts);
                new Thread(Run) { IsBackground = true, Name = "NewsGraph blocking work compensation" }.Start();
                _started = true;
            }
        }
    }

    private void Run()
    {
        while (true)
        {
            // Idle (nothing running, nothing raised): sleep until work begins; the count is read under the monitor that
            // the first Begin pulses, so that wake-up cannot be missed.
            lock (_wake)
            {
                if (Volatile.Read(ref _active) == 0 && _extra == 0)
                {
                    Monitor.Wait(_wake);
                }
            }

            Thread.Sleep(CheckInterval);

            var now = Environment.TickCount64;
            var blocked = 0;
            for (var slot = 0; slot < Slots; slot++)
            {
                var startedAt = Volatile.Read(ref _startedAt[slot]);
                if (startedAt != 0 && now - startedAt >= BlockedAfter)
                {
                    blocked++;
                }
            }

            blocked = Math.Min(MaxExtraThreads, blocked);
            if (blocked != _extra && ThreadPool.SetMinThreads(_baseWorkers + blocked, _baseCompletionPorts))
            {
                _extra = blocked;
            }
        }
    }

    private sealed class Work(BlockingWorkCompensation owner, int slot) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.End(slot);
            }
        }
    }

    private sealed class Untracked : IDisposable
    {
        public static Untracked Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
