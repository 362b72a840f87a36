namespace NewsGraph.GraphQL.Webhooks;

/// <summary>
/// When a failed delivery is tried again: the configured pauses one after the other (exponential by default), each
/// moved by up to ±<see cref="WebhookDeliveryOptions.RetryJitter"/> of itself so that the retries of many deliveries
/// that failed together (an endpoint that was down) do not arrive together. After the last pause the delivery fails
/// for good.
/// </summary>
public sealed class WebhookRetrySchedule(WebhookDeliveryOptions options)
{
    /// <summary>How many attempts a delivery gets in all: the first and one after each pause.</summary>
    public int MaxAttempts => options.EffectiveRetryDelays.Count + 1;

    /// <summary>The pause before the next attempt after <paramref name="attemptsSoFar"/> failed ones; null when none is left.</summary>
    public TimeSpan? NextDelay(int attemptsSoFar)
    {
        var delays = options.EffectiveRetryDelays;
        if (attemptsSoFar < 1 || attemptsSoFar > delays.Count)
        {
            return null;
        }

        var delay = delays[attemptsSoFar - 1];
        var jitter = (Random.Shared.NextDouble() * 2 - 1) * options.RetryJitter;
        return delay * (1 + jitter);
    }
}
