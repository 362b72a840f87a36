using NewsGraph.Benchmarks.Security;

namespace NewsGraph.Benchmarks.Throughput;

internal enum ServerKind
{
    NewsGraph,
    Baseline,
    NodeYoga,
}

/// <summary>A running server of any kind.</summary>
internal sealed record ServerUnderTest(ServerKind Kind, ServerProcess Process) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Process.DisposeAsync();
}

/// <summary>One running server of each kind measured, stopped together.</summary>
internal sealed class RunningServers(IReadOnlyList<ServerUnderTest> servers) : IAsyncDisposable
{
    public IReadOnlyList<ServerUnderTest> All => servers;

    public ServerUnderTest this[ServerKind kind] => servers.Single(server => server.Kind == kind);

    public async ValueTask DisposeAsync()
    {
        foreach (var server in servers)
        {
            await server.DisposeAsync();
        }
    }
}

internal static class ServerKinds
{
    /// <summary>How the tables name the server.</summary>
    public static string Label(this ServerKind kind) => kind switch
    {
        ServerKind.NewsGraph => "NewsGraph",
        ServerKind.Baseline => "baseline",
        _ => "Node Yoga",
    };

    /// <summary>The kinds in an order that starts at <paramref name="index"/> (modulo their count) and wraps around.</summary>
    /// <remarks>Who goes first rotates, so no server always runs right after the same other one (or first, on a cool machine).</remarks>
    public static ServerKind[] Rotated(IReadOnlyList<ServerKind> kinds, int index)
    {
        int first = index % kinds.Count;
        return [.. kinds.Skip(first), .. kinds.Take(first)];
    }
}
