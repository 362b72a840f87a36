namespace NewsGraph.GraphQL.Memory;

/// <summary>How <see cref="TrimmingMemoryPool"/> gives memory back (configuration section <c>MemoryPool</c> in the server).</summary>
public sealed class TrimmingMemoryPoolOptions
{
    /// <summary>
    /// Replace Kestrel's buffer pool with <see cref="TrimmingMemoryPool"/> (default). <c>false</c> keeps Kestrel's own
    /// pool, which holds on to the blocks of its busiest moment far longer.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the pool looks at its recent demand and frees what it did not need.</summary>
    public TimeSpan TrimInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the busiest moment is remembered: blocks that demand would need again within this period are kept,
    /// so bursts that repeat (a fan-out every few seconds) reuse their blocks instead of allocating new ones.
    /// </summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Blocks every pool keeps however quiet it is.</summary>
    public int MinimumRetainedBlocks { get; set; } = 16;
}
