using System.Buffers;
using System.Runtime.InteropServices;
using NewsGraph.GraphQL.Memory;

namespace NewsGraph.GraphQL.Tests.Memory;

/// <summary>The pool Kestrel rents its connection buffers from: reuse, trimming after bursts, and misuse.</summary>
public sealed class TrimmingMemoryPoolTests
{
    private static readonly TrimmingMemoryPoolOptions Options = new()
    {
        TrimInterval = TimeSpan.FromSeconds(1),
        RetentionPeriod = TimeSpan.FromSeconds(3),
        MinimumRetainedBlocks = 2,
    };

    [Fact]
    public void A_returned_block_is_rented_again_instead_of_allocating()
    {
        using var pool = new TrimmingMemoryPool(Options);
        var first = pool.Rent();
        Assert.Equal(TrimmingMemoryPool.BlockSize, first.Memory.Length);
        Assert.True(MemoryMarshal.TryGetArray<byte>(first.Memory, out var segment));
        first.Dispose();

        using var second = pool.Rent(100);
        Assert.True(MemoryMarshal.TryGetArray<byte>(second.Memory, out var again));
        Assert.Same(segment.Array, again.Array);
        Assert.Equal(1, pool.AllocatedBlocks);
        Assert.Equal(1, pool.RentedBlocks);
        Assert.Equal(0, pool.PooledBlocks);
    }

    [Fact]
    public void Blocks_are_pinned_page_sized_arrays()
    {
        using var pool = new TrimmingMemoryPool(Options);
        using var block = pool.Rent();
        Assert.Equal(4096, pool.MaxBufferSize);
        // A pinned array does not move: its address is the same after a compacting collection.
        Assert.True(MemoryMarshal.TryGetArray<byte>(block.Memory, out var segment));
        var before = Marshal.UnsafeAddrOfPinnedArrayElement(segment.Array!, 0);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        Assert.Equal(before, Marshal.UnsafeAddrOfPinnedArrayElement(segment.Array!, 0));
    }

    [Fact]
    public void More_than_a_block_is_refused()
    {
        using var pool = new TrimmingMemoryPool(Options);
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(TrimmingMemoryPool.BlockSize + 1));
        Assert.Equal(0, pool.AllocatedBlocks);
    }

    [Fact]
    public void Disposing_a_block_twice_does_not_hand_it_out_twice()
    {
        using var pool = new TrimmingMemoryPool(Options);
        var block = pool.Rent();
        block.Dispose();
        block.Dispose();
        Assert.Equal(1, pool.PooledBlocks);
        Assert.Equal(0, pool.RentedBlocks);

        using var a = pool.Rent();
        using var b = pool.Rent();
        Assert.NotEqual(a.Memory, b.Memory);
        Assert.Equal(2, pool.AllocatedBlocks);
    }

    [Fact]
    public void After_a_burst_the_pool_keeps_the_blocks_for_the_retention_period_then_gives_them_back()
    {
        using var pool = new TrimmingMemoryPool(Options);
        ReturnAll(RentMany(pool, 1_000));
        Assert.Equal(1_000, pool.PooledBlocks);

        // Three windows remember the burst (retention 3 s, trim every 1 s).
        for (var window = 0; window < 3; window++)
        {
            pool.Trim();
            Assert.Equal(1_000, pool.PooledBlocks);
        }

        pool.Trim();
        Assert.Equal(Options.MinimumRetainedBlocks, pool.PooledBlocks);
    }

    [Fact]
    public void Bursts_that_repeat_within_the_retention_period_reuse_their_blocks()
    {
        using var pool = new TrimmingMemoryPool(Options);
        for (var burst = 0; burst < 10; burst++)
        {
            ReturnAll(RentMany(pool, 500));
            pool.Trim();
            pool.Trim();
        }

        Assert.Equal(500, pool.AllocatedBlocks);
    }

    [Fact]
    public void Blocks_still_rented_are_never_touched_and_count_as_demand()
    {
        using var pool = new TrimmingMemoryPool(Options);
        var held = RentMany(pool, 300);
        ReturnAll(RentMany(pool, 100));
        for (var i = 0; i < 10; i++)
        {
            pool.Trim();
        }

        Assert.Equal(300, pool.RentedBlocks);
        Assert.Equal(Options.MinimumRetainedBlocks, pool.PooledBlocks);
        foreach (var block in held)
        {
            block.Memory.Span.Fill(7);
        }

        ReturnAll(held);
        Assert.Equal(0, pool.RentedBlocks);
        Assert.Equal(Options.MinimumRetainedBlocks + 300, pool.PooledBlocks);
    }

    [Fact]
    public async Task The_timer_trims_an_idle_pool()
    {
        using var pool = new TrimmingMemoryPool(
            new TrimmingMemoryPoolOptions { TrimInterval = TimeSpan.FromMilliseconds(20), RetentionPeriod = TimeSpan.FromMilliseconds(60), MinimumRetainedBlocks = 1 },
            TimeProvider.System);
        ReturnAll(RentMany(pool, 200));
        Assert.Equal(200, pool.PooledBlocks);

        await Wait.UntilAsync(() => pool.PooledBlocks <= 1, "the timer to trim the idle pool");
        Assert.Equal(1, pool.PooledBlocks);
    }

    [Fact]
    public void A_disposed_pool_refuses_rents_and_drops_returned_blocks()
    {
        var pool = new TrimmingMemoryPool(Options);
        var block = pool.Rent();
        pool.Dispose();

        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
        block.Dispose();
        Assert.Equal(0, pool.PooledBlocks);
        Assert.Equal(0, pool.RentedBlocks);
    }

    [Fact]
    public async Task Concurrent_renters_never_share_a_block()
    {
        using var pool = new TrimmingMemoryPool(Options);
        var trimming = true;
        var trimmer = Task.Run(() =>
        {
            while (Volatile.Read(ref trimming))
            {
                pool.Trim();
            }
        });

        var renters = Enumerable.Range(1, 4).Select(id => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                using var block = pool.Rent();
                var span = block.Memory.Span;
                span.Fill((byte)id);
                Thread.SpinWait(10);
                // Another renter holding the same block would have overwritten it.
                Assert.True(span.IndexOfAnyExcept((byte)id) < 0, "a block was handed to two renters at once");
            }
        })).ToArray();

        await Task.WhenAll(renters);
        Volatile.Write(ref trimming, false);
        await trimmer;
        Assert.Equal(0, pool.RentedBlocks);
    }

    [Fact]
    public void Options_that_cannot_work_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrimmingMemoryPool(new TrimmingMemoryPoolOptions { TrimInterval = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrimmingMemoryPool(new TrimmingMemoryPoolOptions { TrimInterval = TimeSpan.FromSeconds(2), RetentionPeriod = TimeSpan.FromSeconds(1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrimmingMemoryPool(new TrimmingMemoryPoolOptions { MinimumRetainedBlocks = -1 }));
    }

    private static List<IMemoryOwner<byte>> RentMany(MemoryPool<byte> pool, int count)
        => [.. Enumerable.Range(0, count).Select(_ => pool.Rent())];

    private static void ReturnAll(List<IMemoryOwner<byte>> blocks) => blocks.ForEach(b => b.Dispose());
}
