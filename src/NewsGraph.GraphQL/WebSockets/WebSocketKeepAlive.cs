namespace NewsGraph.GraphQL.WebSockets;

/// <summary>
/// One keep-alive timer per interval for all acknowledged connections of the process, instead of a timer, an async
/// loop and a cancellation registration per connection: an idle connection costs one set entry. The connections are
/// spread over up to <see cref="MaxSlices"/> slices and the timer pings one slice per tick, so 10,000 connections
/// are not pinged (and do not answer) in the same instant: such a storm borrows a send buffer per connection at once
/// and makes the server's buffer pool grow to the whole population. A connection gets its first keep-alive within one
/// interval after its ack (not exactly one interval after it), which is all the protocols need. The timer is disposed
/// when its last connection leaves.
/// </summary>
internal static class WebSocketKeepAlive
{
    /// <summary>At most this many slices per interval.</summary>
    public const int MaxSlices = 16;

    /// <summary>Ticks are never closer than this: short intervals (tests) get fewer slices.</summary>
    public static readonly TimeSpan MinTickPeriod = TimeSpan.FromMilliseconds(100);

    private static readonly object Gate = new();
    private static readonly Dictionary<TimeSpan, Ticker> Tickers = [];

    public static void Register(WebSocketSession session, TimeSpan interval)
    {
        lock (Gate)
        {
            if (!Tickers.TryGetValue(interval, out var ticker))
            {
                ticker = new Ticker(interval);
                Tickers[interval] = ticker;
            }

            ticker.Add(session);
        }
    }

    public static void Unregister(WebSocketSession session, TimeSpan interval)
    {
        lock (Gate)
        {
            if (Tickers.TryGetValue(interval, out var ticker) && ticker.Remove(session) && ticker.Count == 0)
            {
                Tickers.Remove(interval);
                ticker.Dispose();
            }
        }
    }

    /// <summary>The number of slices for an interval: as many as fit ticks of at least <see cref="MinTickPeriod"/>.</summary>
    internal static int SlicesFor(TimeSpan interval)
        => (int)Math.Clamp(interval.Ticks / MinTickPeriod.Ticks, 1, MaxSlices);

    /// <summary>The sessions of one interval in slices; every member is accessed under <see cref="Gate"/> except the timer callback's send.</summary>
    private sealed class Ticker : IDisposable
    {
        private readonly HashSet<WebSocketSession>[] _slices;
        private readonly Timer _timer;
        private int _nextSlice;
        private int _nextAssignment;

        public Ticker(TimeSpan interval)
        {
            _slices = new HashSet<WebSocketSession>[SlicesFor(interval)];
            for (int i = 0; i < _slices.Length; i++)
            {
                _slices[i] = [];
            }

            var period = interval / _slices.Length;
            _timer = new Timer(static state => ((Ticker)state!).Tick(), this, period, period);
        }

        public int Count { get; private set; }

        public void Add(WebSocketSession session)
        {
            // Round robin keeps the slices within one session of each other as connections come and go in bulk.
            if (_slices[_nextAssignment].Add(session))
            {
                Count++;
            }

            _nextAssignment = (_nextAssignment + 1) % _slices.Length;
        }

        public bool Remove(WebSocketSession session)
        {
            foreach (var slice in _slices)
            {
                if (slice.Remove(session))
                {
                    Count--;
                    return true;
                }
            }

            return false;
        }

        public void Dispose() => _timer.Dispose();

        private void Tick()
        {
            WebSocketSession[] sessions;
            lock (Gate)
            {
                var slice = _slices[_nextSlice];
                _nextSlice = (_nextSlice + 1) % _slices.Length;
                if (slice.Count == 0)
                {
                    return;
                }

                sessions = [.. slice];
            }

            // Sending only queues the message (the connection's writer sends it), so one pass is cheap.
            foreach (var session in sessions)
            {
                session.SendKeepAlive();
            }
        }
    }
}
