using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.Tests.Execution;

/// <summary>The watchdog cancels timed-out executions from its own thread, so a pool full of blocked threads cannot delay it.</summary>
public sealed class ExecutionTimeoutWatchdogTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_deadline_cancels_its_source_on_the_watchdogs_own_thread()
    {
        using var source = new CancellationTokenSource();
        var cancelledOn = new TaskCompletionSource<(bool IsThreadPoolThread, string? Name)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = source.Token.Register(() => cancelledOn.TrySetResult((Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name)));

        using var deadline = ExecutionTimeoutWatchdog.Shared.Schedule(source, TimeSpan.FromMilliseconds(50));

        var thread = await cancelledOn.Task.WaitAsync(Bound);
        Assert.False(thread.IsThreadPoolThread);
        Assert.Equal("NewsGraph execution timeouts", thread.Name);
    }

    [Fact]
    public async Task An_earlier_deadline_wakes_the_watchdog_waiting_for_a_later_one()
    {
        using var late = new CancellationTokenSource();
        using var early = new CancellationTokenSource();
        using var lateDeadline = ExecutionTimeoutWatchdog.Shared.Schedule(late, TimeSpan.FromMinutes(10));
        using var earlyDeadline = ExecutionTimeoutWatchdog.Shared.Schedule(early, TimeSpan.FromMilliseconds(50));

        await Task.Delay(Timeout.Infinite, early.Token).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(Bound);

        Assert.True(early.IsCancellationRequested);
        Assert.False(late.IsCancellationRequested);
    }

    [Fact]
    public async Task A_disposed_deadline_never_cancels_and_a_disposed_source_is_no_error()
    {
        using var finished = new CancellationTokenSource();
        var disposedSource = new CancellationTokenSource();
        using var witness = new CancellationTokenSource();

        ExecutionTimeoutWatchdog.Shared.Schedule(finished, TimeSpan.FromMilliseconds(20)).Dispose();
        using var racing = ExecutionTimeoutWatchdog.Shared.Schedule(disposedSource, TimeSpan.FromMilliseconds(20));
        disposedSource.Dispose();
        // A later deadline that does fire proves the watchdog went past the two earlier ones (and survived them).
        using var later = ExecutionTimeoutWatchdog.Shared.Schedule(witness, TimeSpan.FromMilliseconds(100));

        await Task.Delay(Timeout.Infinite, witness.Token).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(Bound);
        Assert.False(finished.IsCancellationRequested);
    }
}
