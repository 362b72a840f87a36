using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsGraph.GraphQL.Outbox;

namespace NewsGraph.GraphQL.Tests.Outbox;

/// <summary>The transactional outbox over a real SQLite file: order, retries, claims shared by two dispatchers.</summary>
public sealed class TopicEventOutboxTests
{
    [Fact]
    public async Task Committed_messages_are_sent_in_order_and_then_deleted()
    {
        await using var database = await OutboxTestDatabase.CreateAsync();
        var sender = new RecordingSender();
        var outbox = await database.StartDispatcherAsync(sender);

        await database.SaveAsync(outbox, new Greeting(1, "Grüezi"), new Greeting(2, "Hej"));
        await database.SaveAsync(outbox, new Greeting(3, "Olá"));

        await sender.WaitForAsync(3);
        Assert.Equal([1, 2, 3], sender.Sent.Select(s => ((Greeting)s.Message!).Number));
        Assert.All(sender.Sent, s => Assert.Equal(Greeting.Topic, s.Topic));
        Assert.Equal("Grüezi", ((Greeting)sender.Sent[0].Message!).Text);
        await database.WaitUntilEmptyAsync();
    }

    [Fact]
    public async Task Messages_saved_before_the_dispatcher_started_are_sent_without_a_notification()
    {
        await using var database = await OutboxTestDatabase.CreateAsync();
        var writer = new TopicEventOutbox(OutboxTestDatabase.Options(), TimeProvider.System);
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            writer.Enqueue(db, Greeting.Topic, new Greeting(7, "left behind by a crash"));
            await db.SaveChangesAsync();
        }

        var sender = new RecordingSender();
        await database.StartDispatcherAsync(sender);
        await sender.WaitForAsync(1);
        Assert.Equal(7, ((Greeting)sender.Sent[0].Message!).Number);
    }

    [Fact]
    public async Task An_unsaved_unit_of_work_sends_nothing()
    {
        await using var database = await OutboxTestDatabase.CreateAsync();
        var sender = new RecordingSender();
        var outbox = await database.StartDispatcherAsync(sender);
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            outbox.Enqueue(db, Greeting.Topic, new Greeting(1, "never committed"));
            outbox.Notify();
        }

        await database.SaveAsync(outbox, new Greeting(2, "committed"));
        await database.WaitUntilEmptyAsync();
        Assert.Equal(2, ((Greeting)Assert.Single(sender.Sent).Message!).Number);
    }

    [Fact]
    public async Task While_the_bus_fails_messages_wait_and_then_go_out_once_each_in_order()
    {
        await using var database = await OutboxTestDatabase.CreateAsync();
        var sender = new RecordingSender();
        sender.FailNext(5);
        var outbox = await database.StartDispatcherAsync(sender);

        await database.SaveAsync(outbox, new Greeting(1, "a"), new Greeting(2, "b"));
        await database.SaveAsync(outbox, new Greeting(3, "c"));

        await database.WaitUntilEmptyAsync();
        Assert.Equal([1, 2, 3], sender.Sent.Select(s => ((Greeting)s.Message!).Number));
    }

    [Fact]
    public async Task A_failed_send_is_counted_on_the_message_and_nothing_is_deleted_before_the_bus_takes_it()
    {
        await using var database = await OutboxTestDatabase.CreateAsync();
        var sender = new RecordingSender();
        sender.FailNext(int.MaxValue);
        var outbox = await database.StartDispatcherAsync(sender);

        await database.SaveAsync(outbox, new Greeting(1, "a"), new Greeting(2, "b"));
        await Wait.UntilAsync(async () => (await database.RowsAsync()).FirstOrDefault()?.Attempts >= 2, "two failed attempts");
        var rows = await database.RowsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Empty(sender.Sent);

        sender.FailNext(0);
        await sender.WaitForAsync(2);
        await database.WaitUntilEmptyAsync();
    }

    [Fact]
    public async Task A_message_sent_again_carries_the_same_event_id_so_a_deduplicating_bus_delivers_it_once()
    {
        await using var database = await OutboxTestDatabase.CreateAsync();
        var sender = new RecordingSender();
        sender.LoseAcknowledgementOfNext(1);
        var outbox = await database.StartDispatcherAsync(sender);

        await database.SaveAsync(outbox, new Greeting(1, "a"), new Greeting(2, "b"));

        // The first send reached the bus but looked failed: the row stayed and went out again, with the same id.
        await sender.WaitForAsync(3);
        Assert.Equal([1, 1, 2], sender.Sent.Select(s => ((Greeting)s.Message!).Number));
        var ids = sender.EventIds;
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[1], ids[2]);
        Assert.All(ids, id => Assert.StartsWith("outbox:", id, StringComparison.Ordinal));
        await database.WaitUntilEmptyAsync();
    }

    [Fact]
    public async Task A_message_of_an_undeclared_topic_is_dropped_and_does_not_block_the_next()
    {
        await using var database = await OutboxTestDatabase.CreateAsync();
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            db.Set<OutboxMessage>().Add(new OutboxMessage { Topic = "Retired", Payload = "{}", CreatedAt = DateTime.UtcNow });
            db.Set<OutboxMessage>().Add(new OutboxMessage { Topic = Greeting.Topic, Payload = "not json", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var sender = new RecordingSender();
        var outbox = await database.StartDispatcherAsync(sender);
        await database.SaveAsync(outbox, new Greeting(1, "after the bad ones"));

        await sender.WaitForAsync(1);
        Assert.Equal(1, ((Greeting)Assert.Single(sender.Sent).Message!).Number);
        await database.WaitUntilEmptyAsync();
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_send_every_message_once_in_the_order_written()
    {
        await using var database = await OutboxTestDatabase.CreateAsync();
        var sender = new RecordingSender();
        var first = await database.StartDispatcherAsync(sender);
        var second = await database.StartDispatcherAsync(sender);

        for (var i = 0; i < 40; i++)
        {
            var outbox = i % 2 == 0 ? first : second;
            await database.SaveAsync(outbox, new Greeting(i * 5, "x"), new Greeting((i * 5) + 1, "x"), new Greeting((i * 5) + 2, "x"), new Greeting((i * 5) + 3, "x"), new Greeting((i * 5) + 4, "x"));
        }

        await database.WaitUntilEmptyAsync();
        Assert.Equal(Enumerable.Range(0, 200), sender.Sent.Select(s => ((Greeting)s.Message!).Number));
    }

    [Fact]
    public async Task A_batch_that_outlasts_the_lease_keeps_its_claim_and_is_not_sent_twice()
    {
        await using var database = await OutboxTestDatabase.CreateAsync();
        var clock = new FakeTimeProvider();
        var options = OutboxTestDatabase.Options();
        options.LeaseDuration = TimeSpan.FromSeconds(1);
        var outbox = new TopicEventOutbox(options, clock);
        await database.SaveAsync(outbox, [.. Enumerable.Range(0, 6).Select(i => new Greeting(i, "slow"))]);

        // Each send takes 300 ms of the clock, so the batch takes 1.8 s against a 1 s lease; after every send the
        // second instance tries to claim. Renewing the claim must keep it out: otherwise it sends the rest again.
        var sender = new RecordingSender();
        var first = database.CreateDispatcher(outbox, sender, clock);
        var second = database.CreateDispatcher(outbox, sender, clock);
        var secondTurns = 0;
        var inSecond = false;
        sender.AfterSend = async () =>
        {
            if (inSecond)
            {
                return;
            }

            clock.Advance(TimeSpan.FromMilliseconds(300));
            inSecond = true;
            await second.DispatchBatchAsync(CancellationToken.None);
            inSecond = false;
            secondTurns++;
        };

        await first.DispatchBatchAsync(CancellationToken.None);

        Assert.Equal(6, secondTurns);
        Assert.True(clock.GetUtcNow() - clock.Start > options.LeaseDuration, "the batch did not outlast the lease");
        Assert.Equal(Enumerable.Range(0, 6), sender.Sent.Select(s => ((Greeting)s.Message!).Number));
        Assert.Empty(await database.RowsAsync());
    }

    [Fact]
    public async Task A_dispatcher_whose_claim_expired_and_was_taken_over_stops_sending_its_batch()
    {
        await using var database = await OutboxTestDatabase.CreateAsync();
        var clock = new FakeTimeProvider();
        var options = OutboxTestDatabase.Options();
        options.LeaseDuration = TimeSpan.FromSeconds(1);
        var outbox = new TopicEventOutbox(options, clock);
        await database.SaveAsync(outbox, [.. Enumerable.Range(0, 6).Select(i => new Greeting(i, "stalled"))]);

        // The first send stalls past the whole lease (a bus that hung); meanwhile the second instance finds the claim
        // expired and takes the batch over. The first must then stop: going on would send 1..5 twice, after the second.
        var sender = new RecordingSender();
        var first = database.CreateDispatcher(outbox, sender, clock);
        var second = database.CreateDispatcher(outbox, sender, clock);
        var stalled = false;
        sender.AfterSend = async () =>
        {
            if (stalled)
            {
                return;
            }

            stalled = true;
            clock.Advance(TimeSpan.FromSeconds(2));
            await second.DispatchBatchAsync(CancellationToken.None);
        };

        await first.DispatchBatchAsync(CancellationToken.None);

        // 0 went out twice (sent, then taken over before the first could delete it: the event id lets the bus drop the
        // repeat); everything else once, in order.
        Assert.Equal([0, 0, 1, 2, 3, 4, 5], sender.Sent.Select(s => ((Greeting)s.Message!).Number));
        Assert.Empty(await database.RowsAsync());
    }

    [Fact]
    public async Task Messages_claimed_by_a_dispatcher_that_stopped_are_taken_over_when_the_claim_expires()
    {
        await using var database = await OutboxTestDatabase.CreateAsync();
        var clock = new FakeTimeProvider();
        var outbox = new TopicEventOutbox(OutboxTestDatabase.Options(), clock);
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            outbox.Enqueue(db, Greeting.Topic, new Greeting(1, "claimed by a crashed instance"));
            await db.SaveChangesAsync();
            var claimedUntil = clock.GetUtcNow().UtcDateTime.AddSeconds(30);
            await db.Set<OutboxMessage>().ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockedBy, "crashed")
                .SetProperty(m => m.LockedUntil, claimedUntil));
        }

        var sender = new RecordingSender();
        var dispatcher = database.CreateDispatcher(outbox, sender, clock);

        // While the claim lasts, another instance leaves the message alone...
        clock.Advance(TimeSpan.FromSeconds(29));
        await dispatcher.DispatchBatchAsync(CancellationToken.None);
        Assert.Empty(sender.Sent);
        Assert.Equal("crashed", Assert.Single(await database.RowsAsync()).LockedBy);

        // ...and once it has expired, takes the message over and sends it.
        clock.Advance(TimeSpan.FromSeconds(2));
        await dispatcher.DispatchBatchAsync(CancellationToken.None);
        Assert.Equal(1, ((Greeting)Assert.Single(sender.Sent).Message!).Number);
        Assert.Empty(await database.RowsAsync());
    }

    [Fact]
    public async Task A_dispatcher_asked_to_stop_mid_batch_sends_the_rest_of_the_batch_before_it_stops()
    {
        await using var database = await OutboxTestDatabase.CreateAsync();
        var options = OutboxTestDatabase.Options();
        options.ShutdownGrace = TimeSpan.FromMinutes(1);
        var outbox = new TopicEventOutbox(options, TimeProvider.System);
        await database.SaveAsync(outbox, [.. Enumerable.Range(1, 5).Select(i => new Greeting(i, "batch"))]);

        // The first send is held until the host has asked the dispatcher to stop.
        var sender = new RecordingSender();
        var firstSendStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sender.BeforeSend = async _ =>
        {
            if (firstSendStarted.TrySetResult())
            {
                await release.Task;
            }
        };
        var dispatcher = database.CreateDispatcher(outbox, sender, TimeProvider.System);
        await dispatcher.StartAsync(CancellationToken.None);
        await Wait.ForAsync(firstSendStarted.Task, "the first send of the batch");

        var stopping = dispatcher.StopAsync(CancellationToken.None);
        release.SetResult();
        await Wait.ForAsync(stopping, "the dispatcher to stop");

        Assert.Equal([1, 2, 3, 4, 5], sender.Sent.Select(s => ((Greeting)s.Message!).Number));
        Assert.Empty(await database.RowsAsync());
    }

    [Fact]
    public async Task When_the_shutdown_grace_runs_out_the_unsent_rest_of_the_batch_is_released_for_another_instance_at_once()
    {
        await using var database = await OutboxTestDatabase.CreateAsync();
        var options = OutboxTestDatabase.Options();
        options.ShutdownGrace = TimeSpan.FromMilliseconds(100);
        var outbox = new TopicEventOutbox(options, TimeProvider.System);
        await database.SaveAsync(outbox, new Greeting(1, "sent"), new Greeting(2, "stuck"), new Greeting(3, "behind it"));

        // The second send hangs (a bus that is unreachable) until it is cancelled.
        var sender = new RecordingSender();
        var secondSendStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = 0;
        sender.BeforeSend = async cancellationToken =>
        {
            if (Interlocked.Increment(ref sends) == 2)
            {
                secondSendStarted.SetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
        };
        var stopped = database.CreateDispatcher(outbox, sender, TimeProvider.System);
        await stopped.StartAsync(CancellationToken.None);
        await Wait.ForAsync(secondSendStarted.Task, "the second send of the batch");
        await Wait.ForAsync(stopped.StopAsync(CancellationToken.None), "the dispatcher to stop");

        // What the bus took is gone; the rest is no instance's, well before the 30 s lease would have expired.
        var rows = await database.RowsAsync();
        Assert.Equal([2L, 3L], rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.Null(r.LockedBy));
        Assert.All(rows, r => Assert.Null(r.LockedUntil));

        sender.BeforeSend = null;
        var next = database.CreateDispatcher(outbox, sender, TimeProvider.System);
        await next.DispatchBatchAsync(CancellationToken.None);
        Assert.Equal([1, 2, 3], sender.Sent.Select(s => ((Greeting)s.Message!).Number));
        Assert.Empty(await database.RowsAsync());
    }

    [Fact]
    public async Task Enqueue_refuses_a_topic_that_was_not_declared_for_the_message_type()
    {
        await using var database = await OutboxTestDatabase.CreateAsync();
        var outbox = new TopicEventOutbox(OutboxTestDatabase.Options(), TimeProvider.System);
        await using var db = await database.Contexts.CreateDbContextAsync();

        Assert.Throws<InvalidOperationException>(() => outbox.Enqueue(db, "Unknown", new Greeting(1, "x")));
        Assert.Throws<InvalidOperationException>(() => outbox.Enqueue(db, Greeting.Topic, "not a greeting"));
        Assert.Empty(db.ChangeTracker.Entries());
    }
}
