using System.Collections.Concurrent;
using GraphQL;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Diagnostics;
using NewsGraph.GraphQL.Streaming;

namespace NewsGraph.GraphQL.Sse;

/// <summary>
/// The single-connection streams of this instance by token. A reservation that is not opened within
/// <see cref="GraphQLSseOptions.ReservationTimeout"/> is dropped, at most <see cref="GraphQLSseOptions.MaxReservations"/>
/// wait at once, and none is taken once the server is stopping (those waiting are dropped then). Streams are in this
/// process's memory only: with several instances, all requests of a token must reach the instance that issued it.
/// </summary>
internal sealed class SseEventStreams : IDisposable
{
    private readonly ConcurrentDictionary<string, SseEventStream> _streams = new(StringComparer.Ordinal);
    private readonly GraphQLSseOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenRegistration _stopping;
    private int _reservations;
    private volatile bool _isStopping;

    public SseEventStreams(IOptions<GraphQLSseOptions> options, ILogger<SseEventStreams> logger, IHostApplicationLifetime? lifetime = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _clock = clock ?? TimeProvider.System;
        _stopping = lifetime?.ApplicationStopping.Register(static state => ((SseEventStreams)state!).OnStopping(), this) ?? default;
    }

    /// <summary>Streams reserved and not yet opened.</summary>
    public int ReservationCount => Volatile.Read(ref _reservations);

    /// <summary>A new stream for <paramref name="owner"/> with a fresh token; null when the server holds all it may or is stopping.</summary>
    public SseEventStream? Reserve(string owner, IGraphQLTextSerializer serializer)
    {
        var max = Math.Max(1, _options.MaxReservations);
        if (_isStopping)
        {
            return null;
        }

        if (Interlocked.Increment(ref _reservations) > max)
        {
            Interlocked.Decrement(ref _reservations);
            SseSingleConnectionLog.ReservationRefused(_logger, max);
            return null;
        }

        var stream = new SseEventStream(this, SseStreamToken.Create(), owner, _options, serializer);
        // 256 random bits do not collide; the check costs nothing.
        if (!_streams.TryAdd(stream.Token, stream))
        {
            Interlocked.Decrement(ref _reservations);
            return null;
        }

        var timeout = _options.ReservationTimeout;
        if (timeout > TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            stream.ExpireAfter(timeout, _clock);
        }

        if (_isStopping)
        {
            // Stopping began meanwhile and may have missed it.
            stream.Close();
            return null;
        }

        return stream;
    }

    public SseEventStream? Find(string token) => _streams.TryGetValue(token, out var stream) && !stream.IsClosed ? stream : null;

    public void Dispose()
    {
        _stopping.Dispose();
        CloseReservations();
    }

    internal void ReservationEnded() => Interlocked.Decrement(ref _reservations);

    internal void Remove(SseEventStream stream, bool wasReserved)
    {
        _streams.TryRemove(new KeyValuePair<string, SseEventStream>(stream.Token, stream));
        if (wasReserved)
        {
            ReservationEnded();
        }
    }

    internal void Expired() => SseSingleConnectionLog.ReservationExpired(_logger, _options.ReservationTimeout);

    internal void Overflowed() => HttpStreamLog.SendQueueFull(_logger, GraphQLTransport.ServerSentEvents, _options.SendQueueCapacity);

    /// <summary>Open streams end through their writers (after what is queued); reservations nobody opened end now.</summary>
    private void OnStopping()
    {
        _isStopping = true;
        CloseReservations();
    }

    private void CloseReservations()
    {
        foreach (var stream in _streams.Values)
        {
            if (!stream.IsOpen)
            {
                stream.Close();
            }
        }
    }
}
