using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Diagnostics;
using NewsGraph.GraphQL.Subscriptions;
using StackExchange.Redis;

namespace NewsGraph.GraphQL.Redis;

/// <summary>
/// The event bus across instances, on Redis Streams. A send appends one entry to the topic's stream
/// (<c>XADD {prefix}:events:{topic} MAXLEN ~ n</c>) and rings the topic's doorbell channel. Every instance reads each
/// topic it has subscribers for from its own last-seen entry id (<see cref="RedisStreamReader"/>), once, and fans
/// each entry out to its local subscribers through the <see cref="TopicEventHub"/>. Because the stream, not the
/// pub/sub message, is the record, nothing is lost while a connection is down or Redis restarts with persistence:
/// the reader catches up from where it stopped.
/// </summary>
public sealed class RedisTopicEventBus : ITopicEventSender, ITopicEventReceiver, IAsyncDisposable
{
    private readonly RedisTopicEventBusOptions _options;
    private readonly TopicEventHub _hub;
    private readonly ILogger<RedisTopicEventBus> _logger;
    private readonly GraphQLMetrics? _metrics;
    private readonly RedisKeys _keys;
    private readonly Task<ConnectionMultiplexer> _connection;
    private readonly ConcurrentDictionary<string, Lazy<Task<RedisStreamReader>>> _readers = new(StringComparer.Ordinal);
    private int _disposed;

    public RedisTopicEventBus(RedisTopicEventBusOptions options, TopicEventHub hub, ILogger<RedisTopicEventBus> logger, GraphQLMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Configuration))
        {
            throw new ArgumentException("Redis:Configuration is required for the Redis event bus.", nameof(options));
        }

        _options = options;
        _hub = hub;
        _logger = logger;
        _metrics = metrics;
        _keys = new RedisKeys(options.KeyPrefix);
        _connection = ConnectAsync(options.Configuration);
    }

    /// <summary>The names of this bus's keys and channels.</summary>
    public RedisKeys Keys => _keys;

    /// <summary>The connection to Redis, once made: for instrumentation (OpenTelemetry's Redis tracing) to attach to.</summary>
    public Task<ConnectionMultiplexer> Connection => _connection;

    /// <summary>Whether the connection to Redis is up right now.</summary>
    public bool IsConnected => _connection.IsCompletedSuccessfully && _connection.Result.IsConnected;

    /// <summary>
    /// How often this instance found stream entries dropped before it had read them: events its subscribers never got
    /// (each also logged as an error). Zero unless an instance was away for more than
    /// <see cref="RedisTopicEventBusOptions.StreamMaxLength"/> events of a topic.
    /// </summary>
    public long TrimmedUnreadGaps => _readers.Values
        .Where(r => r.IsValueCreated && r.Value.IsCompletedSuccessfully)
        .Sum(r => r.Value.Result.TrimmedUnreadGaps);

    /// <summary>Asks Redis for a reply, to tell a live connection from a half-open one (health checks).</summary>
    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken)
    {
        var connection = await _connection.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask SendAsync<TMessage>(string topic, TMessage message, CancellationToken cancellationToken = default)
        // Lets readers drop the copy that a retry below may write when the first attempt did reach Redis.
        => SendAsync(topic, message, Guid.NewGuid().ToString("N"), cancellationToken);

    public async ValueTask SendAsync<TMessage>(string topic, TMessage message, string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var envelope = new RedisEventEnvelope
        {
            // Readers drop an envelope id they have seen: a retried write, or the same event sent again.
            Id = eventId,
            SentAt = DateTimeOffset.UtcNow,
            Body = JsonSerializer.SerializeToElement(message, RedisEventEnvelope.JsonOptions),
        };
        RedisValue json = JsonSerializer.Serialize(envelope, RedisEventEnvelope.JsonOptions);
        RedisKey streamKey = _keys.Stream(topic);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.SendTimeout);
        var connection = await _connection.WaitAsync(deadline.Token).ConfigureAwait(false);
        while (true)
        {
            try
            {
                var id = await connection.GetDatabase()
                    .StreamAddAsync(streamKey, RedisEventEnvelope.FieldName, json, maxLength: _options.StreamMaxLength, useApproximateMaxLength: true)
                    .WaitAsync(deadline.Token)
                    .ConfigureAwait(false);
                _metrics?.EventPublished();
                // The doorbell only shortens the wait; a lost ring is covered by the readers' polling.
                await connection.GetSubscriber()
                    .PublishAsync(RedisChannel.Literal(_keys.Doorbell(topic)), id, CommandFlags.FireAndForget)
                    .ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException && !deadline.IsCancellationRequested)
            {
                // Redis restarting or the connection being re-established: try again until the send timeout.
                RedisTopicEventBusLog.SendRetry(_logger, ex, streamKey.ToString());
                await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask<ITopicSubscription<TMessage>> SubscribeAsync<TMessage>(string topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        // Subscribe locally first, then make sure the topic is being read: an entry read in between already finds
        // this subscriber.
        var subscription = _hub.Subscribe<TMessage>(topic);
        try
        {
            var reader = _readers.GetOrAdd(
                topic,
                t => new Lazy<Task<RedisStreamReader>>(() => RedisStreamReader.StartAsync(t, _keys, _connection, _hub, _options, _logger)));
            await reader.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return subscription;
    }

    public async ValueTask DisposeAsync()
    {
        // The container disposes this once per registration that hands it out (the bus and both interfaces).
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var reader in _readers.Values)
        {
            if (reader.IsValueCreated && reader.Value.IsCompletedSuccessfully)
            {
                await reader.Value.Result.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (_connection.IsCompletedSuccessfully)
        {
            await _connection.Result.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        // Start without Redis and connect when it appears, instead of failing the whole server at start.
        options.AbortOnConnectFail = false;
        var connection = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
        connection.ConnectionFailed += (_, e) => RedisTopicEventBusLog.ConnectionFailed(_logger, e.ConnectionType, e.FailureType);
        connection.ConnectionRestored += (_, e) =>
        {
            RedisTopicEventBusLog.ConnectionRestored(_logger, e.ConnectionType);
            WakeAllReaders();
        };
        // A first connection counts as restored too: readers waiting on a clock position catch up at once.
        WakeAllReaders();
        return connection;
    }

    private void WakeAllReaders()
    {
        foreach (var reader in _readers.Values)
        {
            if (reader.IsValueCreated && reader.Value.IsCompletedSuccessfully)
            {
                reader.Value.Result.Wake();
            }
        }
    }
}
