namespace NewsGraph.Benchmarks.Throughput;

/// <param name="Cold">How long a fresh process is measured as "cold", from its first answer.</param>
/// <param name="ServerCpu">Pin each server to this core (taskset) and keep the load generator off it; null: no pinning.</param>
/// <param name="Soak">After the warm rounds, mixed load on NewsGraph for this long with its working set sampled; zero: none.</param>
/// <param name="Node">Also measure the Node.js GraphQL Yoga server (bench/node-yoga).</param>
internal sealed record ThroughputOptions(
    string ServerDll,
    string DatabasePath,
    int Articles,
    int Connections,
    TimeSpan Cold,
    TimeSpan Warmup,
    TimeSpan Round,
    int Rounds,
    int Depth,
    string CategorySlug,
    string SearchTerm,
    string? ArticleSlug,
    int? ServerCpu,
    TimeSpan Soak,
    bool Node)
{
    /// <summary>The servers measured: NewsGraph first, then the peers it is compared with.</summary>
    public IReadOnlyList<ServerKind> Kinds { get; } = Node
        ? [ServerKind.NewsGraph, ServerKind.Baseline, ServerKind.NodeYoga]
        : [ServerKind.NewsGraph, ServerKind.Baseline];
}
