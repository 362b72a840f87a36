using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using NewsGraph.GraphQL.Diagnostics;
using NewsGraph.GraphQL.Outbox;
using NewsGraph.GraphQL.Subscriptions;

namespace NewsGraph.GraphQL.Tests.Outbox;

/// <summary>A real SQLite file with the outbox table, and dispatchers over it.</summary>
internal sealed class OutboxTestDatabase : IAsyncDisposable
{
    private readonly string _path = SqliteFiles.NewPath("outbox");
    private readonly List<TopicEventOutboxDispatcher<OutboxTestContext>> _dispatchers = [];

    private OutboxTestDatabase()
    {
        var options = new DbContextOptionsBuilder<OutboxTestContext>().UseSqlite($"Data Source={_path}").Options;
        Contexts = new PooledDbContextFactory<OutboxTestContext>(options);
    }

    public IDbContextFactory<OutboxTestContext> Contexts { get; }

    public static async Task<OutboxTestDatabase> CreateAsync()
    {
        var database = new OutboxTestDatabase();
        await using var db = await database.Contexts.CreateDbContextAsync();
        await db.Database.EnsureCreatedAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return database;
    }

    public static TopicEventOutboxOptions Options() => new TopicEventOutboxOptions
    {
        PollInterval = TimeSpan.FromMilliseconds(100),
        BatchSize = 10,
        LeaseDuration = TimeSpan.FromSeconds(30),
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
    }.AddTopic<Greeting>(Greeting.Topic);

    /// <summary>Starts a dispatcher (as the host would) sending to <paramref name="sender"/>.</summary>
    public async Task<TopicEventOutbox> StartDispatcherAsync(ITopicEventSender sender, TopicEventOutboxOptions? options = null)
    {
        var outbox = new TopicEventOutbox(options ?? Options(), TimeProvider.System);
        var dispatcher = CreateDispatcher(outbox, sender, TimeProvider.System);
        await dispatcher.StartAsync(CancellationToken.None);
        return outbox;
    }

    /// <summary>
    /// A dispatcher that is not started: the test runs its batches itself (<c>DispatchBatchAsync</c>), at the time
    /// <paramref name="clock"/> says, so lease tests depend on no wall-clock timing.
    /// </summary>
    public TopicEventOutboxDispatcher<OutboxTestContext> CreateDispatcher(
        TopicEventOutbox outbox, ITopicEventSender sender, TimeProvider clock, GraphQLMetrics? metrics = null)
    {
        var dispatcher = new TopicEventOutboxDispatcher<OutboxTestContext>(
            Contexts, outbox, sender, clock, NullLogger<TopicEventOutboxDispatcher<OutboxTestContext>>.Instance, metrics);
        _dispatchers.Add(dispatcher);
        return dispatcher;
    }

    /// <summary>Saves <paramref name="messages"/> in one transaction, as a change with its announcements would be.</summary>
    public async Task SaveAsync(TopicEventOutbox outbox, params Greeting[] messages)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        foreach (var message in messages)
        {
            outbox.Enqueue(db, Greeting.Topic, message);
        }

        await db.SaveChangesAsync();
        outbox.Notify();
    }

    /// <summary>Waits (bounded) until every row was sent and deleted: nothing is left that could still go out.</summary>
    public Task WaitUntilEmptyAsync() => Wait.UntilAsync(async () => (await RowsAsync()).Count == 0, "an empty outbox table");

    public async Task<List<OutboxMessage>> RowsAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dispatcher in _dispatchers)
        {
            await dispatcher.StopAsync(CancellationToken.None);
            dispatcher.Dispose();
        }

        SqliteFiles.Delete(_path);
    }
}

internal sealed class OutboxTestContext(DbContextOptions<OutboxTestContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddTopicEventOutbox();
}

internal sealed record Greeting(int Number, string Text)
{
    public const string Topic = "Greetings";
}

/// <summary>A bus that records what it was sent and fails while told to.</summary>
internal sealed class RecordingSender : ITopicEventSender
{
    private readonly List<(string Topic, object? Message)> _sent = [];
    private readonly List<string?> _eventIds = [];

    private int _failuresLeft;
    private int _lostAcknowledgements;

    public IReadOnlyList<(string Topic, object? Message)> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>Runs after each send was recorded, before the dispatcher hears back (what happens while a send takes time).</summary>
    public Func<Task>? AfterSend { get; set; }

    /// <summary>
    /// Runs before each send with its cancellation token: a send that takes time (a bus that retries while it is
    /// unreachable) and gives up when cancelled.
    /// </summary>
    public Func<CancellationToken, Task>? BeforeSend { get; set; }

    /// <summary>The event ids the messages were sent with, in order.</summary>
    public IReadOnlyList<string?> EventIds
    {
        get
        {
            lock (_sent)
            {
                return [.. _eventIds];
            }
        }
    }

    public async ValueTask SendAsync<TMessage>(string topic, TMessage message, string eventId, CancellationToken cancellationToken = default)
    {
        await SendAsync(topic, message, cancellationToken);
        lock (_sent)
        {
            _eventIds.Add(eventId);
        }

        if (Volatile.Read(ref _lostAcknowledgements) > 0 && Interlocked.Decrement(ref _lostAcknowledgements) >= 0)
        {
            // The bus took the message but the sender never heard back (a connection dropped after the write).
            throw new TimeoutException("No reply from the bus.");
        }
    }

    /// <summary>The next <paramref name="count"/> sends reach the bus but fail for the sender.</summary>
    public void LoseAcknowledgementOfNext(int count) => Volatile.Write(ref _lostAcknowledgements, count);

    public async ValueTask SendAsync<TMessage>(string topic, TMessage message, CancellationToken cancellationToken = default)
    {
        // As a real bus does: a cancelled send is not made.
        cancellationToken.ThrowIfCancellationRequested();
        if (BeforeSend is { } beforeSend)
        {
            await beforeSend(cancellationToken);
        }

        if (Volatile.Read(ref _failuresLeft) > 0 && Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("The bus is unreachable.");
        }

        lock (_sent)
        {
            _sent.Add((topic, message));
        }

        if (AfterSend is { } afterSend)
        {
            await afterSend();
        }
    }

    /// <summary>The next <paramref name="count"/> sends fail, as while the bus is unreachable.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    public Task WaitForAsync(int count, TimeSpan? timeout = null) =>
        Wait.UntilAsync(() => Sent.Count >= count, $"{count} messages sent", timeout);
}
