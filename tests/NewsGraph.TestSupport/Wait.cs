using System.Diagnostics;

namespace NewsGraph.TestSupport;

/// <summary>
/// Bounded waits for a condition the test can observe (a subscriber count, a row count, a log entry): never a fixed
/// sleep, and never an unbounded loop. A wait that runs out fails the test with what it waited for.
/// </summary>
public static class Wait
{
    /// <summary>Long enough for a loaded 2-core CI machine; a healthy run takes milliseconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    /// <summary>Returns as soon as <paramref name="condition"/> holds; fails with <paramref name="what"/> after the timeout.</summary>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(() => Task.FromResult(condition()), what, timeout);
    }

    /// <inheritdoc cref="UntilAsync(Func{bool}, string, TimeSpan?)"/>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? DefaultTimeout;
        var elapsed = Stopwatch.StartNew();
        while (!await condition())
        {
            if (elapsed.Elapsed > limit)
            {
                throw new Xunit.Sdk.XunitException($"Waited {limit.TotalSeconds:0.#} s for {what}, in vain.");
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>Awaits <paramref name="task"/>; fails with <paramref name="what"/> when it has not completed within the timeout.</summary>
    public static async Task ForAsync(Task task, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var limit = timeout ?? DefaultTimeout;
        try
        {
            await task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"Waited {limit.TotalSeconds:0.#} s for {what}, in vain.");
        }
    }

    /// <inheritdoc cref="ForAsync(Task, string, TimeSpan?)"/>
    public static async Task<T> ForAsync<T>(Task<T> task, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var limit = timeout ?? DefaultTimeout;
        try
        {
            return await task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"Waited {limit.TotalSeconds:0.#} s for {what}, in vain.");
        }
    }
}
