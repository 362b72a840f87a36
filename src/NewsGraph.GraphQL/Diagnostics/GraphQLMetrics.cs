using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NewsGraph.GraphQL.Diagnostics;

/// <summary>
/// The library's instruments, on the meter <see cref="GraphQLDiagnostics.Name"/>. Each fact is recorded where it is
/// known: the executor records operations and their errors, the transports their connections and subscriptions, the
/// event hub and buses the events, the outbox dispatcher what it last read of its table. Gauges report counts kept
/// here (never a query in a collection callback), so they are exact whenever a collector starts listening.
/// </summary>
public sealed class GraphQLMetrics
{
    private static readonly KeyValuePair<string, object?> WebSocketTag = new(GraphQLTelemetryAttributes.Transport, "websocket");
    private static readonly KeyValuePair<string, object?> ServerSentEventsTag = new(GraphQLTelemetryAttributes.Transport, "sse");
    private static readonly KeyValuePair<string, object?> MultipartHttpTag = new(GraphQLTelemetryAttributes.Transport, "multipart");

    private readonly Histogram<double> _operationDuration;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _eventsPublished;
    private readonly Counter<long> _eventsDelivered;
    private readonly Counter<long> _eventsDropped;
    private readonly ObservableGauge<long> _outboxBacklogGauge;
    private readonly ObservableGauge<double> _outboxOldestAgeGauge;
    private readonly TimeProvider _clock;
    // Indexed by GraphQLTransport.
    private readonly long[] _connections = new long[3];
    private readonly long[] _subscriptions = new long[3];
    private OutboxBacklog? _outboxBacklog;

    public GraphQLMetrics(IMeterFactory meterFactory, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _clock = clock ?? TimeProvider.System;
        var meter = meterFactory.Create(GraphQLDiagnostics.Name, typeof(GraphQLMetrics).Assembly.GetName().Version?.ToString());
        _operationDuration = meter.CreateHistogram(
            "graphql.server.request.duration",
            unit: "s",
            description: "Time to execute a GraphQL operation (for a subscription: to set up its stream), by operation type and name.",
            tags: null,
            // The HTTP semantic conventions' buckets: most operations answer in milliseconds.
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });
        _errors = meter.CreateCounter<long>(
            "graphql.server.errors", unit: "{error}", description: "GraphQL errors in responses, by error code and operation type.");
        meter.CreateObservableUpDownCounter(
            "graphql.server.connections.active", () => Observe(_connections), unit: "{connection}",
            description: "Open WebSocket, server-sent event and multipart HTTP connections, by transport.");
        meter.CreateObservableUpDownCounter(
            "graphql.server.subscriptions.active", () => Observe(_subscriptions), unit: "{subscription}",
            description: "Subscriptions streaming events, by transport.");
        _eventsPublished = meter.CreateCounter<long>(
            "graphql.events.published", unit: "{event}", description: "Events this process sent to the topic event bus.");
        _eventsDelivered = meter.CreateCounter<long>(
            "graphql.events.delivered", unit: "{event}", description: "Events handed to a subscriber of this process (one per subscriber).");
        _eventsDropped = meter.CreateCounter<long>(
            "graphql.events.dropped", unit: "{event}", description: "Events a subscriber of this process did not get because it was too slow (its buffer was full and it was dropped).");
        _outboxBacklogGauge = meter.CreateObservableGauge(
            "graphql.outbox.backlog", ObserveOutboxBacklog, unit: "{message}",
            description: "Event outbox messages waiting to be sent, as the dispatcher last read them.");
        _outboxOldestAgeGauge = meter.CreateObservableGauge(
            "graphql.outbox.oldest_message.age", ObserveOutboxOldestAge, unit: "s",
            description: "Age of the oldest waiting event outbox message (0 when none waits), as the dispatcher last read it.");
    }

    /// <summary>One GraphQL operation executed in <paramref name="elapsed"/>.</summary>
    public void RecordOperation(TimeSpan elapsed, string? operationType, string? operationName)
    {
        if (!_operationDuration.Enabled)
        {
            return;
        }

        var tags = new TagList { { GraphQLTelemetryAttributes.OperationType, operationType ?? "unknown" } };
        if (operationName is not null)
        {
            tags.Add(GraphQLTelemetryAttributes.OperationName, operationName);
        }

        _operationDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>One error of a response, by its <c>extensions.code</c>.</summary>
    public void RecordError(string? code, string? operationType)
        => _errors.Add(
            1,
            new KeyValuePair<string, object?>(GraphQLTelemetryAttributes.ErrorCode, code ?? "UNKNOWN"),
            new KeyValuePair<string, object?>(GraphQLTelemetryAttributes.OperationType, operationType ?? "unknown"));

    public void ConnectionOpened(GraphQLTransport transport) => Interlocked.Increment(ref _connections[(int)transport]);

    public void ConnectionClosed(GraphQLTransport transport) => Interlocked.Decrement(ref _connections[(int)transport]);

    public void SubscriptionStarted(GraphQLTransport transport) => Interlocked.Increment(ref _subscriptions[(int)transport]);

    public void SubscriptionEnded(GraphQLTransport transport) => Interlocked.Decrement(ref _subscriptions[(int)transport]);

    /// <summary>An event was sent to the bus.</summary>
    public void EventPublished() => _eventsPublished.Add(1);

    /// <summary>An event was handed to <paramref name="subscribers"/> subscribers.</summary>
    public void EventsDelivered(int subscribers)
    {
        if (subscribers > 0)
        {
            _eventsDelivered.Add(subscribers);
        }
    }

    /// <summary>A subscriber was too slow for an event and is dropped.</summary>
    public void EventDropped() => _eventsDropped.Add(1);

    /// <summary>Whether a collector observes the outbox gauges: the dispatcher reads its backlog only then.</summary>
    public bool OutboxBacklogObserved => _outboxBacklogGauge.Enabled || _outboxOldestAgeGauge.Enabled;

    /// <summary>What the outbox dispatcher last read: how many messages wait, and when the oldest was written (UTC).</summary>
    public void RecordOutboxBacklog(long count, DateTime? oldestCreatedAt)
        => Volatile.Write(ref _outboxBacklog, new OutboxBacklog(count, oldestCreatedAt));

    private static Measurement<long>[] Observe(long[] counts) =>
    [
        new(Volatile.Read(ref counts[(int)GraphQLTransport.WebSocket]), WebSocketTag),
        new(Volatile.Read(ref counts[(int)GraphQLTransport.ServerSentEvents]), ServerSentEventsTag),
        new(Volatile.Read(ref counts[(int)GraphQLTransport.MultipartHttp]), MultipartHttpTag),
    ];

    private IEnumerable<Measurement<long>> ObserveOutboxBacklog()
        => Volatile.Read(ref _outboxBacklog) is { } backlog ? [new(backlog.Count)] : [];

    private IEnumerable<Measurement<double>> ObserveOutboxOldestAge()
    {
        if (Volatile.Read(ref _outboxBacklog) is not { } backlog)
        {
            return [];
        }

        // The age grows between two reads of the dispatcher: a stuck outbox shows as a rising line, not a flat one.
        var age = backlog.OldestCreatedAt is { } oldest ? _clock.GetUtcNow().UtcDateTime - oldest : TimeSpan.Zero;
        return [new(Math.Max(0, age.TotalSeconds))];
    }

    private sealed record OutboxBacklog(long Count, DateTime? OldestCreatedAt);
}
