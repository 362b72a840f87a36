using System.Collections.Concurrent;
using NewsGraph.GraphQL.DataLoading;

namespace NewsGraph.GraphQL.Tests.DataLoading;

/// <summary>The loader contract on its own, without the engine.</summary>
public sealed class BatchDataLoaderTests
{
    [Fact]
    public async Task Keys_queued_before_dispatch_are_fetched_once_in_one_batch()
    {
        var loader = new RecordingLoader();

        var results = new List<int> { 1, 2, 3, 2, 1 }.Select(loader.LoadAsync).ToArray();
        var values = await Task.WhenAll(results.Select(r => r.GetResultAsync()));

        Assert.Equal("v1|v2|v3|v2|v1", string.Join('|', values));
        Assert.Equal([1, 2, 3], Assert.Single(loader.Fetches));
    }

    [Fact]
    public async Task Keys_loaded_while_a_batch_is_in_flight_go_to_the_next_batch()
    {
        var loader = new RecordingLoader { Gate = new TaskCompletionSource() };

        var first = loader.LoadAsync(1);
        var firstValue = first.GetResultAsync();
        await loader.FetchStarted.Task;

        var second = loader.LoadAsync(2);
        var sameAsInFlight = loader.LoadAsync(1);
        loader.Gate.SetResult();

        Assert.Equal("v1", await firstValue);
        Assert.Equal("v1", await sameAsInFlight.GetResultAsync());
        Assert.Equal("v2", await second.GetResultAsync());
        Assert.Equal([[1], [2]], loader.Fetches);
    }

    [Fact]
    public async Task Missing_keys_resolve_to_null_and_stay_cached()
    {
        var loader = new RecordingLoader();

        Assert.Null(await loader.LoadAsync(-1).GetResultAsync());
        Assert.Null(await loader.LoadAsync(-1).GetResultAsync());
        Assert.Single(loader.Fetches);
    }

    [Fact]
    public async Task Many_keys_resolve_in_order()
    {
        var loader = new RecordingLoader();

        var values = await loader.LoadAsync([3, -1, 1]).GetResultAsync();

        Assert.Equal(3, values.Count);
        Assert.Equal("v3", values[0]);
        Assert.Null(values[1]);
        Assert.Equal("v1", values[2]);
        Assert.Single(loader.Fetches);
    }

    [Fact]
    public async Task Max_batch_size_splits_the_fetch()
    {
        var loader = new RecordingLoader { BatchSize = 4 };

        var values = await Task.WhenAll(Enumerable.Range(1, 10).Select(loader.LoadAsync).ToArray().Select(r => r.GetResultAsync()));

        Assert.Equal<string?>(Enumerable.Range(1, 10).Select(i => $"v{i}"), values);
        Assert.Equal([4, 4, 2], loader.Fetches.Select(f => f.Length).Order().Reverse());
    }

    [Fact]
    public async Task Concurrent_loads_from_many_threads_are_one_batch()
    {
        var loader = new RecordingLoader();
        using var start = new ManualResetEventSlim();

        var loads = Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            start.Wait();
            return Enumerable.Range(0, 500).Select(i => loader.LoadAsync((i * 8) + t)).ToArray();
        })).ToArray();
        start.Set();
        var results = (await Task.WhenAll(loads)).SelectMany(r => r).ToArray();

        var values = await Task.WhenAll(results.Select(r => Task.Run(() => r.GetResultAsync())));

        Assert.Equal(4000, values.Distinct().Count());
        Assert.Equal(4000, Assert.Single(loader.Fetches).Length);
    }

    [Fact]
    public async Task A_fault_reaches_every_result_of_the_batch_and_is_not_cached()
    {
        var loader = new RecordingLoader { Failure = new InvalidOperationException("boom") };

        var a = loader.LoadAsync(1);
        var b = loader.LoadAsync(2);
        Assert.Equal("boom", (await Assert.ThrowsAsync<InvalidOperationException>(() => a.GetResultAsync())).Message);
        Assert.Equal("boom", (await Assert.ThrowsAsync<InvalidOperationException>(() => b.GetResultAsync())).Message);

        loader.Failure = null;
        Assert.Equal("v1", await loader.LoadAsync(1).GetResultAsync());
        Assert.Equal(2, loader.Fetches.Count);
    }

    [Fact]
    public async Task Cancellation_is_passed_to_the_fetch_and_not_cached()
    {
        var loader = new RecordingLoader { Gate = new TaskCompletionSource() };
        using var cts = new CancellationTokenSource();

        var pending = loader.LoadAsync(1).GetResultAsync(cts.Token);
        await loader.FetchStarted.Task;
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);

        loader.Gate = null;
        Assert.Equal("v1", await loader.LoadAsync(1).GetResultAsync());
    }

    [Fact]
    public async Task Grouped_loader_returns_empty_lists_for_missing_keys()
    {
        var loader = new RecordingGroupLoader();

        var values = await Task.WhenAll(new List<int> { 1, 2, 3 }.Select(loader.LoadAsync).ToArray().Select(r => r.GetResultAsync()));

        Assert.Equal(["1a"], values[0]);
        Assert.Empty(values[1]);
        Assert.Equal(["3a", "3b"], values[2]);
        Assert.Equal([1, 2, 3], Assert.Single(loader.Fetches));
    }

    private sealed class RecordingLoader : BatchDataLoader<int, string>
    {
        public ConcurrentQueue<int[]> FetchQueue { get; } = new();

        public IReadOnlyList<int[]> Fetches => [.. FetchQueue];

        public TaskCompletionSource FetchStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource? Gate { get; set; }

        public Exception? Failure { get; set; }

        public int BatchSize { get; init; }

        protected override int MaxBatchSize => BatchSize;

        protected override async Task<IReadOnlyDictionary<int, string>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            FetchQueue.Enqueue([.. keys]);
            FetchStarted.TrySetResult();
            if (Gate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            await Task.Yield();
            return Failure is { } failure
                ? throw failure
                : keys.Where(k => k >= 0).ToDictionary(k => k, k => $"v{k}");
        }
    }

    private sealed class RecordingGroupLoader : GroupedDataLoader<int, string>
    {
        public List<int[]> Fetches { get; } = [];

        protected override Task<ILookup<int, string>> LoadGroupsAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            Fetches.Add([.. keys]);
            var rows = new[] { (1, "1a"), (3, "3a"), (3, "3b"), (4, "not requested") };
            return Task.FromResult(rows.Where(r => keys.Contains(r.Item1)).ToLookup(r => r.Item1, r => r.Item2));
        }
    }
}
