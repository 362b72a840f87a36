using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;

using NewsGraph.GraphQL.Threading;

namespace NewsGraph.GraphQL.Memory;

/// <summary>
/// A pool of pinned 4 KB blocks for Kestrel's connection pipes, like Kestrel's own, except that it gives memory back:
/// every <see cref="TrimmingMemoryPoolOptions.TrimInterval"/> it frees the pooled blocks that the busiest moment of
/// the last <see cref="TrimmingMemoryPoolOptions.RetentionPeriod"/> would not have needed.
/// <para>
/// Why it exists (hand-written: no served package provides a Kestrel memory pool): fanning one event out to N
/// WebSockets borrows about N blocks at once, since every connection's output pipe holds one until the socket sent it.
/// Kestrel's pool keeps all of them and evicts only a few percent every ten seconds, so a server with many idle
/// subscribers kept ~4 KB per subscriber in its pool long after the burst. Blocks are pinned arrays (sockets may use
/// them for native I/O); a trimmed block is freed by the next full garbage collection.
/// </para>
/// </summary>
public sealed class TrimmingMemoryPool : MemoryPool<byte>
{
    /// <summary>The size of every block: one page, as Kestrel's pool.</summary>
    public const int BlockSize = 4096;

    private readonly ConcurrentQueue<Block> _pooled = new();
    private readonly int[] _windowPeaks;
    private readonly int _minimumRetained;
    private readonly ITimer? _timer;
    private int _pooledCount;
    private int _rentedCount;
    private int _currentWindowPeak;
    private int _nextWindow;
    private long _allocatedBlocks;
    private volatile bool _disposed;

    /// <summary>Creates a pool that trims itself on <paramref name="timeProvider"/>'s timer (none: trimmed only by <see cref="Trim"/>).</summary>
    public TrimmingMemoryPool(TrimmingMemoryPoolOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.TrimInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RetentionPeriod, options.TrimInterval);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MinimumRetainedBlocks);

        _minimumRetained = options.MinimumRetainedBlocks;
        _windowPeaks = new int[Math.Max(1, (int)Math.Ceiling(options.RetentionPeriod / options.TrimInterval))];
        _timer = timeProvider?.CreateTimer(static state => ((TrimmingMemoryPool)state!).Trim(), this, options.TrimInterval, options.TrimInterval);
    }

    public override int MaxBufferSize => BlockSize;

    /// <summary>Blocks waiting in the pool.</summary>
    public int PooledBlocks => Volatile.Read(ref _pooledCount);

    /// <summary>Blocks rented and not yet returned.</summary>
    public int RentedBlocks => Volatile.Read(ref _rentedCount);

    /// <summary>Blocks ever allocated (reused ones are not counted again).</summary>
    public long AllocatedBlocks => Interlocked.Read(ref _allocatedBlocks);

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        ObjectDisposedException.ThrowIf(_disposed, this);

        if (_pooled.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _pooledCount);
        }
        else
        {
            block = new Block(this);
            Interlocked.Increment(ref _allocatedBlocks);
        }

        block.Lease();
        RecordDemand(Interlocked.Increment(ref _rentedCount));
        return block;
    }

    /// <summary>
    /// Closes the current window and frees the pooled blocks beyond what the busiest window of the retention period
    /// needed on top of what is rented now (never below the minimum). Called by the timer; public for tests.
    /// </summary>
    public void Trim()
    {
        if (_disposed)
        {
            return;
        }

        int rented = Volatile.Read(ref _rentedCount);
        int busiest;
        lock (_windowPeaks)
        {
            // The next window starts from what is rented now; a window without rents still counts its borrowers.
            _windowPeaks[_nextWindow] = Interlocked.Exchange(ref _currentWindowPeak, rented);
            _nextWindow = (_nextWindow + 1) % _windowPeaks.Length;
            busiest = _windowPeaks.Max();
        }

        int keep = Math.Max(_minimumRetained, busiest - rented);
        while (Volatile.Read(ref _pooledCount) > keep && _pooled.TryDequeue(out _))
        {
            Interlocked.Decrement(ref _pooledCount);
        }
    }

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        _timer?.Dispose();
        _pooled.Clear();
        Volatile.Write(ref _pooledCount, 0);
    }

    private void RecordDemand(int rented) => InterlockedMaximum.Raise(ref _currentWindowPeak, rented);

    private void Return(Block block)
    {
        Interlocked.Decrement(ref _rentedCount);
        if (_disposed)
        {
            return; // dropped: the garbage collector frees it
        }

        _pooled.Enqueue(block);
        Interlocked.Increment(ref _pooledCount);
    }

    private sealed class Block : IMemoryOwner<byte>
    {
        private readonly TrimmingMemoryPool _pool;
        private int _leased;

        public Block(TrimmingMemoryPool pool)
        {
            _pool = pool;
            var array = GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true);
            Memory = MemoryMarshal.CreateFromPinnedArray(array, 0, array.Length);
        }

        public Memory<byte> Memory { get; }

        public void Lease() => Volatile.Write(ref _leased, 1);

        /// <summary>Returns the block; a second dispose is ignored, so a block is never handed out twice.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _leased, 0) == 1)
            {
                _pool.Return(this);
            }
        }
    }
}
