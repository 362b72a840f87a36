using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Diagnostics;
using NewsGraph.GraphQL.Subscriptions;

namespace NewsGraph.GraphQL.Outbox;

/// <summary>
/// Sends the outbox's messages to the bus in the order they were written, then deletes them. It wakes when told
/// (<see cref="TopicEventOutbox.Notify"/>) and every <see cref="TopicEventOutboxOptions.PollInterval"/>. Instances that
/// share a database take turns: a dispatcher claims a batch only while no other instance holds an unexpired claim
/// (claims themselves take turns, <see cref="OutboxClaimLock"/>), so one sends at a time and the order holds across
/// instances too; a crashed dispatcher's claim expires after
/// <see cref="TopicEventOutboxOptions.LeaseDuration"/>. When the bus fails, the batch stays claimed and is retried
/// with a growing pause; nothing is deleted that the bus has not taken. Each row is sent with the same event id every
/// time (<see cref="ITopicEventSender.SendAsync{TMessage}(string, TMessage, string, CancellationToken)"/>), so a bus that
/// de-duplicates turns the outbox's at-least-once into once. When the host stops, a batch that has begun goes on for
/// <see cref="TopicEventOutboxOptions.ShutdownGrace"/>; whatever this instance still has claimed when it stops (unsent
/// after the grace, or waiting for the bus to come back) is released, so another instance sends it at once rather
/// than after the lease. While a collector observes the outbox gauges, each pass also reads how many messages wait and
/// the oldest one's age (<see cref="GraphQLMetrics.RecordOutboxBacklog"/>).
/// </summary>
public sealed class TopicEventOutboxDispatcher<TContext>(
    IDbContextFactory<TContext> databases,
    TopicEventOutbox outbox,
    ITopicEventSender sender,
    TimeProvider clock,
    ILogger<TopicEventOutboxDispatcher<TContext>> logger,
    GraphQLMetrics? metrics = null) : BackgroundService
    where TContext : DbContext
{
    // A fresh identity per process: a restarted instance does not mistake its predecessor's claims for its own.
    private readonly string _instance = $"{Environment.MachineName[..Math.Min(40, Environment.MachineName.Length)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private TopicEventOutboxOptions Options => outbox.Options;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await DispatchUntilStoppedAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            // However the stop found it (a batch cut off after the grace, a send that failed as the stop came, the
            // pause after a failure while the bus is down), a stopped dispatcher keeps no claim: another instance sends
            // the rest at once instead of after the lease.
            if (stoppingToken.IsCancellationRequested)
            {
                await ReleaseClaimOnStopAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task DispatchUntilStoppedAsync(CancellationToken stoppingToken)
    {
        // Stopping ends the waits at once but cancels a batch that is being sent only after the grace: a shutdown
        // must not cut it in half (the host's shutdown timeout still bounds the whole).
        using var sending = new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
        using var graceOnStop = stoppingToken.Register(() => sending.CancelAfter(Options.ShutdownGrace));
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            bool more;
            try
            {
                more = await DispatchBatchAsync(sending.Token).ConfigureAwait(false);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The dispatcher must outlive any failure of the bus or the database: it retries.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures++;
                var pause = RetryDelay(failures);
                TopicEventOutboxLog.DispatchFailed(logger, ex, failures, pause);
                await Task.Delay(pause, clock, stoppingToken).ConfigureAwait(false);
                continue;
            }

            if (!more)
            {
                await outbox.WaitAsync(Options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Claims, sends and deletes one batch; true when there may be more waiting.</summary>
    internal async Task<bool> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var messages = db.Set<OutboxMessage>();
        try
        {
            return await SendBatchAsync(db, messages, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Also after a failed pass: while the bus is down is when the backlog matters.
            await RecordBacklogAsync(messages, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Two cheap reads (a count and a minimum) for the gauges, which report the last values and never query themselves.
    /// A failed read keeps the previous values: the dispatcher's own failure is what gets reported.
    /// </summary>
    private async Task RecordBacklogAsync(DbSet<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (metrics is not { OutboxBacklogObserved: true } || cancellationToken.IsCancellationRequested)
        {
            return;
        }

        try
        {
            var count = await messages.LongCountAsync(cancellationToken).ConfigureAwait(false);
            var oldest = count == 0 ? null : await messages.MinAsync(m => (DateTime?)m.CreatedAt, cancellationToken).ConfigureAwait(false);
            metrics.RecordOutboxBacklog(count, oldest);
        }
#pragma warning disable CA1031 // Only a measurement: it must not turn a sent batch into a failed one.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private async Task<bool> SendBatchAsync(TContext db, DbSet<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var instance = _instance;

        // One statement: the oldest messages that are free (or already ours), only while no other instance holds a
        // live claim. SQLite runs it as one write transaction, so two dispatchers cannot both win; on PostgreSQL the
        // claim lock makes them take turns (OutboxClaimLock).
        int claimed;
        await using (var claimLock = await OutboxClaimLock.TakeAsync(db, cancellationToken).ConfigureAwait(false))
        {
            claimed = await messages
                .Where(m => m.LockedBy == instance || m.LockedUntil == null || m.LockedUntil < now)
                .Where(_ => !messages.Any(o => o.LockedBy != instance && o.LockedUntil >= now))
                .OrderBy(m => m.Id)
                .Take(Options.BatchSize)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.LockedBy, instance).SetProperty(m => m.LockedUntil, now + Options.LeaseDuration),
                    cancellationToken)
                .ConfigureAwait(false);
            await claimLock.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (claimed == 0)
        {
            return false;
        }

        List<OutboxMessage> batch;
        var done = new List<long>(claimed);
        var claimedUntil = now + Options.LeaseDuration;
        try
        {
            batch = await messages.AsNoTracking()
                .Where(m => m.LockedBy == instance)
                .OrderBy(m => m.Id)
                .Take(Options.BatchSize)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            foreach (var message in batch)
            {
                var held = batch.Count - done.Count;
                if (await RenewClaimIfHalfGoneAsync(messages, instance, claimedUntil, held, cancellationToken).ConfigureAwait(false) is not { } renewedUntil)
                {
                    // The lease ran out while the bus was slow and another instance took the rows over: it sends them
                    // now, in order; going on here would send them twice and out of order.
                    TopicEventOutboxLog.ClaimLost(logger, held);
                    break;
                }

                claimedUntil = renewedUntil;
                try
                {
                    await SendAsync(message, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    await messages.Where(m => m.Id == message.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1), CancellationToken.None)
                        .ConfigureAwait(false);
                    throw;
                }

                done.Add(message.Id);
            }
        }
        finally
        {
            // Whatever the bus took is deleted even when a later message failed or the host is stopping.
            if (done.Count > 0)
            {
                await messages.Where(m => done.Contains(m.Id)).ExecuteDeleteAsync(CancellationToken.None).ConfigureAwait(false);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                await ReleaseClaimAsync(messages, instance).ConfigureAwait(false);
            }
        }

        return batch.Count == Options.BatchSize;
    }

    /// <summary>
    /// Stopped mid-batch: the unsent rest is freed now, so the next dispatcher (another instance, or this one's
    /// successor) sends it without waiting for the claim to expire; the order holds, as it follows what was sent.
    /// </summary>
    private async Task ReleaseClaimAsync(DbSet<OutboxMessage> messages, string instance)
    {
        var released = await messages.Where(m => m.LockedBy == instance)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTime?)null),
                CancellationToken.None)
            .ConfigureAwait(false);
        if (released > 0)
        {
            TopicEventOutboxLog.ReleasedOnStop(logger, released);
        }
    }

    private async Task ReleaseClaimOnStopAsync()
    {
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
        await ReleaseClaimAsync(db.Set<OutboxMessage>(), _instance).ConfigureAwait(false);
    }

    /// <summary>
    /// A batch that takes long (the bus retries while it is unreachable) keeps its claim: another instance must not
    /// take over messages this one is still sending, or both would send them, out of order.
    /// </summary>
    /// <returns>The claim's new end, or null when fewer than <paramref name="held"/> rows are still this instance's.</returns>
    private async ValueTask<DateTime?> RenewClaimIfHalfGoneAsync(DbSet<OutboxMessage> messages, string instance, DateTime claimedUntil, int held, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (claimedUntil - now > Options.LeaseDuration / 2)
        {
            return claimedUntil;
        }

        var renewed = now + Options.LeaseDuration;
        var stillOurs = await messages.Where(m => m.LockedBy == instance)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, renewed), cancellationToken)
            .ConfigureAwait(false);
        return stillOurs < held ? null : renewed;
    }

    private async ValueTask SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!Options.Topics.TryGetValue(message.Topic, out var topic))
        {
            // Written by a version of the application that knew this topic: it can never be sent, and must not
            // block the messages after it.
            TopicEventOutboxLog.Unsendable(logger, message.Id, message.Topic, "the topic is not declared");
            return;
        }

        try
        {
            await topic.SendPayloadAsync(sender, message.Payload, EventId(message), Options.JsonOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            TopicEventOutboxLog.Unsendable(logger, message.Id, message.Topic, ex.Message);
        }
    }

    /// <summary>
    /// The same for every send of a row, so a bus that de-duplicates (Redis) delivers a re-sent row once; the creation
    /// time keeps rows of different databases apart (their ids may coincide).
    /// </summary>
    internal static string EventId(OutboxMessage message) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"outbox:{message.Id}:{message.CreatedAt.Ticks}");

    private TimeSpan RetryDelay(int failures)
    {
        var pause = TimeSpan.FromMilliseconds(100 * Math.Pow(2, Math.Min(failures - 1, 16)));
        return pause < Options.MaxRetryDelay ? pause : Options.MaxRetryDelay;
    }
}
