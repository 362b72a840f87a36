using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Threading;

namespace NewsGraph.GraphQL.Webhooks;

/// <summary>
/// Adds webhook deliveries to a change's unit of work, so they commit with it or not at all (the transactional outbox
/// of webhooks), and wakes <see cref="WebhookDispatcher{TContext}"/> once they have.
/// </summary>
public sealed class WebhookOutbox(TimeProvider clock)
{
    private readonly Doorbell _wake = new();

    /// <summary>
    /// One delivery of the event per endpoint in <paramref name="endpoints"/> that receives <paramref name="eventType"/>,
    /// added to <paramref name="db"/>; call <see cref="Notify"/> after SaveChanges. True when any was added.
    /// </summary>
    public bool Enqueue(DbContext db, IEnumerable<WebhookEndpoint> endpoints, string eventId, string eventType, string orderingKey, string payload)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(endpoints);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = false;
        foreach (var endpoint in endpoints.Where(e => e.Receives(eventType)))
        {
            db.Set<WebhookDelivery>().Add(new WebhookDelivery
            {
                WebhookId = endpoint.Id,
                EventId = eventId,
                EventType = eventType,
                OrderingKey = orderingKey,
                Payload = payload,
                Status = WebhookDeliveryStatus.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            });
            added = true;
        }

        return added;
    }

    /// <summary>Tells the dispatcher that deliveries were committed, so it sends them now rather than at its next poll.</summary>
    public void Notify() => _wake.Ring();

    /// <summary>Waits for <see cref="Notify"/>, <paramref name="timeout"/> or <paramref name="cancellationToken"/>; never throws.</summary>
    internal async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _wake.WaitAsync(timeout, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The dispatcher stops waiting when a send finishes, too.
        }
    }
}
