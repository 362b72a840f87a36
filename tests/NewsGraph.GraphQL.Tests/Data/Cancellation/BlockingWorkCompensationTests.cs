using NewsGraph.GraphQL.Data.Cancellation;

namespace NewsGraph.GraphQL.Tests.Data.Cancellation;

/// <summary>Work that holds its thread long enough raises the pool's minimum by one each, and the minimum falls back when it ends.</summary>
public sealed class BlockingWorkCompensationTests
{
    [Fact]
    public async Task Long_running_work_raises_the_pool_minimum_until_it_ends()
    {
        var compensation = BlockingWorkCompensation.Shared;
        using (compensation.Begin())
        {
            // Starts the compensation's thread, which reads the pool's minimum once, as it is before any raise.
        }

        ThreadPool.GetMinThreads(out var baseline, out _);
        await Wait.UntilAsync(() => MinWorkers() == baseline, $"the pool minimum at its baseline {baseline}");

        var held = new[] { compensation.Begin(), compensation.Begin(), compensation.Begin() };
        await Wait.UntilAsync(() => MinWorkers() >= baseline + 3, $"the pool minimum raised by 3 from {baseline}");

        foreach (var work in held)
        {
            work.Dispose();
        }

        await Wait.UntilAsync(() => MinWorkers() == baseline, $"the pool minimum back at {baseline}");
    }

    private static int MinWorkers()
    {
        ThreadPool.GetMinThreads(out var workers, out _);
        return workers;
    }
}
