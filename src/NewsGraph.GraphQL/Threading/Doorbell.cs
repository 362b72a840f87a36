using System.Threading.Channels;

namespace NewsGraph.GraphQL.Threading;

/// <summary>
/// Wakes one background loop that otherwise polls: <see cref="Ring"/> from any thread after committing work for it,
/// <see cref="WaitAsync"/> in the loop. Rings while the loop is busy collapse into one, so a burst of writes costs one
/// extra round, never a queue.
/// </summary>
public sealed class Doorbell
{
    private readonly Channel<bool> _rings = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Ring() => _rings.Writer.TryWrite(true);

    /// <summary>
    /// Returns when rung or when <paramref name="timeout"/> has passed on <paramref name="clock"/>, whichever comes
    /// first; throws <see cref="OperationCanceledException"/> only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        using var elapsed = new CancellationTokenSource(timeout, clock);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, elapsed.Token);
        try
        {
            await _rings.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The timeout passed: the loop looks anyway (another instance's work, a retry falling due).
        }
    }
}
