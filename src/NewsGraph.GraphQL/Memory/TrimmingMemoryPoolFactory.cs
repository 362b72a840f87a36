using System.Buffers;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace NewsGraph.GraphQL.Memory;

/// <summary>
/// Kestrel's extension point for its buffer pools (one per socket I/O queue and protocol): hands out
/// <see cref="TrimmingMemoryPool"/>s and keeps track of them for diagnostics.
/// </summary>
public sealed class TrimmingMemoryPoolFactory(IOptions<TrimmingMemoryPoolOptions> poolOptions, TimeProvider timeProvider) : IMemoryPoolFactory<byte>
{
    private readonly List<WeakReference<TrimmingMemoryPool>> _pools = [];

    public MemoryPool<byte> Create(MemoryPoolOptions? options = null)
    {
        var pool = new TrimmingMemoryPool(poolOptions.Value, timeProvider);
        lock (_pools)
        {
            _pools.RemoveAll(static p => !p.TryGetTarget(out _));
            _pools.Add(new WeakReference<TrimmingMemoryPool>(pool));
        }

        return pool;
    }

    /// <summary>The pools created so far that are still alive.</summary>
    public IReadOnlyList<TrimmingMemoryPool> Pools
    {
        get
        {
            lock (_pools)
            {
                return [.. _pools.Select(static p => p.TryGetTarget(out var pool) ? pool : null).OfType<TrimmingMemoryPool>()];
            }
        }
    }
}
