using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Subscriptions;
using StackExchange.Redis;

namespace NewsGraph.GraphQL.Redis;

/// <summary>
/// Reads one topic's stream for this instance and hands every entry to the local hub exactly once, in stream
/// order. It remembers the id of the last entry it handed on and always reads strictly after it, whatever woke it:
/// the doorbell, the poll timer or a restored connection. So entries added while the connection was down, or while
/// Redis restarted (with persistence), are read when it is back, and nothing is read twice.
/// </summary>
internal sealed class RedisStreamReader : IAsyncDisposable
{
    private readonly string _topic;
    private readonly RedisKey _streamKey;
    private readonly RedisChannel _doorbell;
    private readonly Task<ConnectionMultiplexer> _connection;
    private readonly TopicEventHub _hub;
    private readonly RedisTopicEventBusOptions _options;
    private readonly ILogger _logger;
    private readonly RedisDeduplicationWindow _seen;
    // Capacity one, extra rings dropped: any number of rings before the next read mean "read once more".
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    // Touched only by the reader loop.
    private RedisValue _lastId;
    private int _disposed;
    private bool _doorbellSubscribed;
    // Set after a failed round or a full batch, the ways to fall far behind: the next read also asks whether the
    // stream dropped entries this reader never read.
    private bool _mayHaveFallenBehind;
    private long _trimmedUnreadGaps;

    private RedisStreamReader(
        string topic,
        RedisKeys keys,
        Task<ConnectionMultiplexer> connection,
        TopicEventHub hub,
        RedisTopicEventBusOptions options,
        ILogger logger,
        RedisValue start)
    {
        _topic = topic;
        _streamKey = keys.Stream(topic);
        _doorbell = RedisChannel.Literal(keys.Doorbell(topic));
        _connection = connection;
        _hub = hub;
        _options = options;
        _logger = logger;
        _seen = new RedisDeduplicationWindow(options.DeduplicationWindow);
        _lastId = start;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Positions a reader after the newest entry already in the stream and starts it, so that the first subscriber
    /// receives exactly what is added after it subscribed.
    /// </summary>
    public static async Task<RedisStreamReader> StartAsync(
        string topic,
        RedisKeys keys,
        Task<ConnectionMultiplexer> connection,
        TopicEventHub hub,
        RedisTopicEventBusOptions options,
        ILogger logger)
    {
        // Without Redis, "now" on this machine's clock is the start: entry ids are the Redis server's milliseconds,
        // so entries added after this subscriber arrived have larger ids once Redis is there. The position is the
        // very end of the previous millisecond: an entry added in this same millisecond (id "now-0") is read too —
        // "now-0" itself would skip it, as reads are strictly after the position.
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        RedisValue start = $"{(now - 1).ToString(CultureInfo.InvariantCulture)}-{ulong.MaxValue.ToString(CultureInfo.InvariantCulture)}";
        if (connection.IsCompletedSuccessfully && connection.Result.IsConnected)
        {
            try
            {
                var newest = await connection.Result.GetDatabase()
                    .StreamRangeAsync(keys.Stream(topic), "-", "+", count: 1, messageOrder: Order.Descending)
                    .ConfigureAwait(false);
                start = newest.Length > 0 ? newest[0].Id : (RedisValue)"0-0";
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Keep the clock position.
            }
        }

        return new RedisStreamReader(topic, keys, connection, hub, options, logger, start);
    }

    /// <summary>Something may have been added: read as soon as possible.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>How often this reader found entries dropped from the stream before it had read them (events lost).</summary>
    public long TrimmedUnreadGaps => Interlocked.Read(ref _trimmedUnreadGaps);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var stopping = _stop.Token;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var connection = await _connection.WaitAsync(stopping).ConfigureAwait(false);
                await SubscribeDoorbellAsync(connection).ConfigureAwait(false);
                await DrainAsync(connection.GetDatabase(), stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Whatever fails (Redis away, a reply not as expected), the reader must not die: it retries.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // The position is unchanged, so the next round reads from the same place.
                RedisTopicEventBusLog.ReadFailed(_logger, ex, _streamKey.ToString());
                _mayHaveFallenBehind = true;
            }

            using var poll = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            poll.CancelAfter(_options.PollInterval);
            try
            {
                await _wake.Reader.ReadAsync(poll.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The poll interval passed (or we are stopping; the loop condition decides).
            }
        }
    }

    private async Task SubscribeDoorbellAsync(ConnectionMultiplexer connection)
    {
        if (_doorbellSubscribed || !connection.IsConnected)
        {
            return;
        }

        // The multiplexer re-subscribes by itself after a reconnection; one subscription for the reader's life.
        await connection.GetSubscriber().SubscribeAsync(_doorbell, (_, _) => Wake()).ConfigureAwait(false);
        _doorbellSubscribed = true;
    }

    private async Task DrainAsync(IDatabase database, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            // XREAD without BLOCK (a multiplexed connection must never block): strictly after the last-seen id.
            var entries = _mayHaveFallenBehind
                ? await ReadCheckingForDroppedEntriesAsync(database).ConfigureAwait(false)
                : await database.StreamReadAsync(_streamKey, _lastId, _options.ReadBatchSize).ConfigureAwait(false);
            foreach (var entry in entries)
            {
                Dispatch(entry);
                _lastId = entry.Id;
            }

            if (entries.Length < _options.ReadBatchSize)
            {
                return;
            }

            _mayHaveFallenBehind = true;
        }
    }

    /// <summary>
    /// Streams keep the last <see cref="RedisTopicEventBusOptions.StreamMaxLength"/> entries: an instance away for
    /// longer than that many events cannot get the oldest back, but must not lose them silently. Trimming removes the
    /// oldest entries first, so if an entry this reader had not read is gone, so is everything before it, including
    /// the last entry it read: the stream's first entry is then after the reader's position. Asked in one transaction
    /// with the read (no trim can fall in between), after a failed read or a full batch — the ways to fall that far
    /// behind. A reader that has read nothing yet compares what was ever added with what is left. Reported as an error
    /// and counted; the reader goes on with what the stream still has. (It can also fire when a trim cut exactly at
    /// the reader's position, or when the stream was recreated by a Redis restart without persistence.)
    /// </summary>
    private async Task<StreamEntry[]> ReadCheckingForDroppedEntriesAsync(IDatabase database)
    {
        var transaction = database.CreateTransaction();
        var info = transaction.ExecuteAsync("XINFO", "STREAM", _streamKey);
        var read = transaction.StreamReadAsync(_streamKey, _lastId, _options.ReadBatchSize);
        await transaction.ExecuteAsync().ConfigureAwait(false);
        var entries = await read.ConfigureAwait(false);
        _mayHaveFallenBehind = false;

        string? firstEntryId = null;
        long entriesAdded = 0;
        long length = 0;
        try
        {
            var fields = (RedisResult[]?)await info.ConfigureAwait(false) ?? [];
            for (var i = 0; i + 1 < fields.Length; i += 2)
            {
                switch ((string?)fields[i])
                {
                    case "first-entry" when fields[i + 1].Resp2Type == ResultType.Array && ((RedisResult[])fields[i + 1]!) is [var id, ..]:
                        firstEntryId = (string?)id;
                        break;
                    case "entries-added":
                        entriesAdded = (long)fields[i + 1];
                        break;
                    case "length":
                        length = (long)fields[i + 1];
                        break;
                }
            }
        }
        catch (RedisServerException)
        {
            return entries; // no such stream (yet): nothing was dropped from it
        }

        var lastRead = (string?)_lastId ?? "0-0";
        var lost = lastRead == "0-0"
            ? entriesAdded > length
            : firstEntryId is not null && StreamIds.Compare(firstEntryId, lastRead) > 0;
        if (lost)
        {
            Interlocked.Increment(ref _trimmedUnreadGaps);
            RedisTopicEventBusLog.EntriesTrimmedUnread(_logger, _streamKey.ToString(), lastRead, firstEntryId ?? "(none)");
        }

        return entries;
    }

    private void Dispatch(StreamEntry entry)
    {
        var raw = entry[RedisEventEnvelope.FieldName];
        RedisEventEnvelope? envelope = null;
        if (!raw.IsNull)
        {
            try
            {
                envelope = JsonSerializer.Deserialize<RedisEventEnvelope>((string)raw!, RedisEventEnvelope.JsonOptions);
            }
            catch (JsonException)
            {
                envelope = null;
            }
        }

        if (envelope is null || envelope.Body.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            RedisTopicEventBusLog.InvalidEnvelope(_logger, _streamKey.ToString(), entry.Id.ToString());
            return;
        }

        if (!_seen.TryAdd(envelope.Id))
        {
            return;
        }

        _hub.Publish(_topic, new RedisEventMessage(envelope.Body));
    }
}
