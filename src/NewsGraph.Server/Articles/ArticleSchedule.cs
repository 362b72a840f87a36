using NewsGraph.GraphQL.Threading;

namespace NewsGraph.Server.Articles;

/// <summary>
/// This instance's doorbell between the article workflow and the <see cref="ScheduledPublisher"/>: a committed
/// schedule or unschedule rings it, so the publisher sets its timer to the new earliest schedule at once instead of at
/// its next poll. Rings while the publisher is busy collapse into one.
/// </summary>
public sealed class ArticleSchedule(TimeProvider clock)
{
    private readonly Doorbell _changed = new();

    /// <summary>Tells the publisher that the schedule changed.</summary>
    public void Changed() => _changed.Ring();

    /// <summary>Waits for <see cref="Changed"/> or until <paramref name="timeout"/> has passed on the clock, whichever comes first.</summary>
    /// <remarks>The timer runs on the injected clock, so a test's clock decides when a schedule falls due.</remarks>
    internal Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _changed.WaitAsync(timeout, clock, cancellationToken);
}
