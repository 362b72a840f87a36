using NewsGraph.Benchmarks.Security;

namespace NewsGraph.Benchmarks.Throughput;

internal enum ServerKind
{
    NewsGraph,
    Baseline,
}

/// <summary>A running server of either kind.</summary>
internal sealed record ServerUnderTest(ServerKind Kind, ServerProcess Process) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
