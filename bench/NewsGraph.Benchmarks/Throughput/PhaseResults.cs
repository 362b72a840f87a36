namespace NewsGraph.Benchmarks.Throughput;

/// <summary>The load results of one phase (cold or warm), per workload and server, accumulated over rounds.</summary>
internal sealed class PhaseResults
{
    private readonly Dictionary<(string Workload, ServerKind Kind), List<LoadResult>> _results = [];

    public void Add(Workload workload, ServerKind kind, LoadResult result)
    {
        if (!_results.TryGetValue((workload.Name, kind), out var list))
        {
            _results[(workload.Name, kind)] = list = [];
        }

        list.Add(result);
    }

    public LoadResult? Of(Workload workload, ServerKind kind) =>
        _results.TryGetValue((workload.Name, kind), out var list) ? LoadResult.Combine(list) : null;
}
