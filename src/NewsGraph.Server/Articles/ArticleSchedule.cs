using System.Threading.Channels;

namespace NewsGraph.Server.Articles;

/// <summary>
/// This instance's doorbell between the article workflow and the <see cref="ScheduledPublisher"/>: a committed
/// schedule or unschedule rings it, so the publisher sets its timer to the new earliest schedule at once instead of at
/// its next poll. Rings while the publisher is busy collapse into one.
/// </summary>
public sealed class ArticleSchedule(TimeProvider clock)
{
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Tells the publisher that the schedule changed.</summary>
    public void Changed() => _changed.Writer.TryWrite(true);

    /// <summary>Waits for <see cref="Changed"/> or until <paramref name="timeout"/> has passed on the clock, whichever comes first.</summary>
    internal async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The timer runs on the injected clock, so a test's clock decides when a schedule falls due.
        using var elapsed = new CancellationTokenSource(timeout, clock);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, elapsed.Token);
        try
        {
            await _changed.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The next due instant (or the poll interval) has come.
        }
    }
}
