namespace NewsGraph.GraphQL.WebSockets;

/// <summary>
/// One keep-alive timer per interval for all acknowledged connections of the process, instead of a timer, an async
/// loop and a cancellation registration per connection: an idle connection costs one set entry. A connection gets its
/// first keep-alive within one interval after its ack (not exactly one interval after it), which is all the
/// protocols need. The timer is disposed when its last connection leaves.
/// </summary>
internal static class WebSocketKeepAlive
{
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

            ticker.Sessions.Add(session);
        }
    }

    public static void Unregister(WebSocketSession session, TimeSpan interval)
    {
        lock (Gate)
        {
            if (Tickers.TryGetValue(interval, out var ticker) && ticker.Sessions.Remove(session) && ticker.Sessions.Count == 0)
            {
                Tickers.Remove(interval);
                ticker.Dispose();
            }
        }
    }

    private sealed class Ticker : IDisposable
    {
        private readonly Timer _timer;

        public Ticker(TimeSpan interval)
        {
            _timer = new Timer(static state => ((Ticker)state!).Tick(), this, interval, interval);
        }

        public HashSet<WebSocketSession> Sessions { get; } = [];

        public void Dispose() => _timer.Dispose();

        private void Tick()
        {
            WebSocketSession[] sessions;
            lock (Gate)
            {
                sessions = [.. Sessions];
            }

            // Sending only queues the message (the connection's writer sends it), so one pass is cheap.
            foreach (var session in sessions)
            {
                session.SendKeepAlive();
            }
        }
    }
}
