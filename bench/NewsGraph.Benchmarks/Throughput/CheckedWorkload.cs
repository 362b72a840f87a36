namespace NewsGraph.Benchmarks.Throughput;

/// <summary>A workload whose answers were checked equal, with each server's answer length (every later answer must have it).</summary>
internal sealed record CheckedWorkload(Workload Workload, IReadOnlyDictionary<ServerKind, int> Lengths)
{
    public int ExpectedLength(ServerKind kind) => Lengths[kind];
}
