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
        Assert.True(await EventuallyAsync(() => MinWorkers() == baseline));

        var held = new[] { compensation.Begin(), compensation.Begin(), compensation.Begin() };
        Assert.True(await EventuallyAsync(() => MinWorkers() >= baseline + 3), $"minimum {MinWorkers()}, baseline {baseline}");

        foreach (var work in held)
        {
            work.Dispose();
        }

        Assert.True(await EventuallyAsync(() => MinWorkers() == baseline), $"minimum {MinWorkers()}, baseline {baseline}");
    }

    private static int MinWorkers()
    {
        ThreadPool.GetMinThreads(out var workers, out _);
        return workers;
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(25);
        }

        return condition();
    }
}
