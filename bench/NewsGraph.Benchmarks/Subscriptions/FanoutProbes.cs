using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Subscriptions;

namespace NewsGraph.Benchmarks.Subscriptions;

/// <summary>
/// Counts every SQL command (reader, non-query, scalar) one server instance sends while <see cref="Enabled"/>,
/// split into the benchmark's own publishing calls (flagged with <see cref="InPublisher"/>, an async-local set
/// around <c>ArticleWorkflow.PublishAsync</c>) and everything else (the event feed's article load, per instance).
/// </summary>
internal sealed class SqlCommandCounter : DbCommandInterceptor
{
    private static readonly AsyncLocal<bool> Publishing = new();
    private readonly ConcurrentDictionary<string, int> _bySql = new(StringComparer.Ordinal);
    private int _publisher;
    private int _outbox;
    private int _other;

    public static bool InPublisher
    {
        get => Publishing.Value;
        set => Publishing.Value = value;
    }

    public volatile bool Enabled;

    public int Publisher => Volatile.Read(ref _publisher);

    /// <summary>The outbox dispatcher's claim, read and delete (it runs outside the publishing call).</summary>
    public int Outbox => Volatile.Read(ref _outbox);

    public int Other => Volatile.Read(ref _other);

    /// <summary>Commands by origin and the start of their SQL, for the printout.</summary>
    public IReadOnlyDictionary<string, int> BySql => _bySql;

    public void Reset()
    {
        _bySql.Clear();
        Interlocked.Exchange(ref _publisher, 0);
        Interlocked.Exchange(ref _outbox, 0);
        Interlocked.Exchange(ref _other, 0);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    private void Count(DbCommand command)
    {
        if (!Enabled)
        {
            return;
        }

        bool publisher = InPublisher;
        string sql = string.Join(' ', command.CommandText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        bool outbox = !publisher && sql.Contains("\"OutboxMessages\"", StringComparison.Ordinal);
        Interlocked.Increment(ref publisher ? ref _publisher : ref outbox ? ref _outbox : ref _other);
        string origin = publisher ? "publishing service: " : outbox ? "outbox dispatcher: " : "other (event feed, …): ";
        string key = origin + (sql.Length > 90 ? sql[..90] + "…" : sql);
        _bySql.AddOrUpdate(key, 1, (_, n) => n + 1);
    }
}

/// <summary>
/// Wraps the server's <see cref="ITopicEventSender"/> (the in-memory bus or the Redis one, whose <c>SendAsync</c> is
/// the XADD) to timestamp the moment an event is handed to the bus, after the publishing service's database commit.
/// </summary>
internal sealed class TimedEventSender(ITopicEventSender inner) : ITopicEventSender
{
    private long _lastSendStart;
    private long _lastSendEnd;

    public long LastSendStart => Volatile.Read(ref _lastSendStart);

    public long LastSendEnd => Volatile.Read(ref _lastSendEnd);

    public async ValueTask SendAsync<TMessage>(string topic, TMessage message, CancellationToken cancellationToken = default)
    {
        Volatile.Write(ref _lastSendStart, Stopwatch.GetTimestamp());
        await inner.SendAsync(topic, message, cancellationToken);
        Volatile.Write(ref _lastSendEnd, Stopwatch.GetTimestamp());
    }

    public async ValueTask SendAsync<TMessage>(string topic, TMessage message, string eventId, CancellationToken cancellationToken = default)
    {
        Volatile.Write(ref _lastSendStart, Stopwatch.GetTimestamp());
        await inner.SendAsync(topic, message, eventId, cancellationToken);
        Volatile.Write(ref _lastSendEnd, Stopwatch.GetTimestamp());
    }

    /// <summary>Replaces the registered sender by a timed wrapper around it; returns a slot that holds the wrapper once resolved.</summary>
    public static Slot<TimedEventSender?> Decorate(IServiceCollection services)
    {
        var slot = new Slot<TimedEventSender?>(null);
        ServiceDescriptor descriptor = services.Last(d => d.ServiceType == typeof(ITopicEventSender) && !d.IsKeyedService);
        services.Remove(descriptor);
        services.AddSingleton<ITopicEventSender>(sp =>
        {
            object inner = descriptor.ImplementationInstance
                ?? descriptor.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!);
            var timed = new TimedEventSender((ITopicEventSender)inner);
            slot.Value = timed;
            return timed;
        });
        return slot;
    }
}

internal sealed class Slot<T>(T value)
{
    public T Value { get; set; } = value;
}
