using System.CommandLine;
using System.Globalization;

namespace NewsGraph.Benchmarks.Subscriptions;

/// <summary>
/// <c>fanout [--subscribers 1000,10000] [--events 50] [--redis]</c>: subscription fan-out latency, SQL per event,
/// memory per idle subscriber and lost events; plus the hidden <c>fanout-clients</c> verb its child processes run.
/// </summary>
internal static class FanoutCommand
{
    public static Command Create()
    {
        var subscribers = new Option<string>("--subscribers")
        {
            Description = "Comma-separated subscriber counts to measure (each after a baseline of 1 per instance).",
            DefaultValueFactory = _ => "1000,10000",
        };
        var events = new Option<int>("--events") { Description = "Measured events per subscriber count.", DefaultValueFactory = _ => 50 };
        var redis = new Option<bool>("--redis") { Description = "Two server instances sharing one SQLite file and one redis-server (started here); half the subscribers on each, publishing on A." };
        var articles = new Option<int>("--articles") { Description = "Articles in the seeded catalogue (copied per run, never modified).", DefaultValueFactory = _ => 2_000 };
        var database = new Option<string?>("--database") { Description = "Seeded catalogue to copy. Default: <temp>/newsgraph-bench-<articles>.db (created when missing)." };
        var gap = new Option<int>("--gap-ms") { Description = "Pause between one event fully delivered and the next publish.", DefaultValueFactory = _ => 100 };
        var deliveryTimeout = new Option<int>("--delivery-timeout") { Description = "Seconds to wait for an event to reach every subscriber before publishing the next.", DefaultValueFactory = _ => 15 };
        var connectConcurrency = new Option<int>("--connect-concurrency") { Description = "WebSocket handshakes in flight at once while opening subscribers.", DefaultValueFactory = _ => 64 };
        var timeLimit = new Option<int>("--time-limit") { Description = "Abort after this many minutes.", DefaultValueFactory = _ => 20 };
        var idleWait = new Option<int>("--idle-wait") { Description = "Seconds the warmed subscribers stay idle before the server's idle memory is sampled (the server's memory pool keeps a burst's buffers for 10 s).", DefaultValueFactory = _ => 15 };

        var command = new Command("fanout", "Subscription fan-out over graphql-transport-ws: publish-to-receipt latency, SQL per event, memory per idle subscriber, lost events.")
        {
            subscribers, events, redis, articles, database, gap, deliveryTimeout, connectConcurrency, timeLimit, idleWait,
        };
        // On the options, not the command: a command validator does not see an option's default value (it read null
        // and 0 when --subscribers or --events was not given).
        subscribers.Validators.Add(result =>
        {
            if (ParseCounts(result.GetValueOrDefault<string>()) is null)
            {
                result.AddError("--subscribers must be a comma-separated list of positive numbers.");
            }
        });
        events.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                result.AddError("--events must be between 1 and 10000.");
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            int count = parse.GetValue(articles);
            var options = new FanoutOptions(
                ParseCounts(parse.GetValue(subscribers))!,
                parse.GetValue(events),
                parse.GetValue(redis),
                count,
                Path.GetFullPath(parse.GetValue(database) ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"newsgraph-bench-{count}.db"))),
                TimeSpan.FromMilliseconds(parse.GetValue(gap)),
                TimeSpan.FromSeconds(parse.GetValue(deliveryTimeout)),
                Math.Max(1, parse.GetValue(connectConcurrency)),
                TimeSpan.FromMinutes(parse.GetValue(timeLimit)),
                TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(idleWait))));
            return await FanoutBenchmark.RunAsync(options, ct);
        });
        return command;
    }

    /// <summary>The child process's verb: opens the subscribers and reports their receipts (see <see cref="SubscriberClients"/>).</summary>
    public static Command CreateClients()
    {
        var endpoints = new Option<string[]>("--endpoint") { Description = "ws:// endpoint (repeatable: subscribers are spread round-robin).", Required = true };
        var count = new Option<int>("--count") { Description = "Subscribers to open.", Required = true };
        var connectConcurrency = new Option<int>("--connect-concurrency") { DefaultValueFactory = _ => 64 };
        var command = new Command("fanout-clients", "Internal: the WebSocket subscribers of `fanout`, in a process of their own.")
        {
            endpoints, count, connectConcurrency,
        };
        command.Hidden = true;
        command.SetAction(async (parse, ct) =>
        {
            Uri[] uris = [.. (parse.GetValue(endpoints) ?? []).Select(e => new Uri(e))];
            if (uris.Any(u => !u.IsLoopback))
            {
                Console.Error.WriteLine("Only loopback endpoints.");
                return 2;
            }

            return await SubscriberClients.RunAsync(uris, parse.GetValue(count), parse.GetValue(connectConcurrency), ct);
        });
        return command;
    }

    private static int[]? ParseCounts(string? text)
    {
        var counts = new List<int>();
        foreach (string part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < 1)
            {
                return null;
            }

            counts.Add(n);
        }

        return counts.Count == 0 ? null : [.. counts];
    }
}

/// <param name="Subscribers">Subscriber counts measured, in order, after the baseline.</param>
/// <param name="Events">Measured events per count.</param>
/// <param name="Redis">Two instances through Redis instead of one with the in-memory bus.</param>
/// <param name="Articles">Size of the seeded catalogue.</param>
/// <param name="CataloguePath">The seeded catalogue; each run works on a copy.</param>
/// <param name="Gap">Pause between events.</param>
/// <param name="DeliveryTimeout">Wait for one event to reach everyone.</param>
/// <param name="IdleWait">How long the warmed subscribers stay idle before the idle memory sample.</param>
/// <param name="ConnectConcurrency">Handshakes in flight while opening.</param>
/// <param name="TimeLimit">Hard bound on the whole run.</param>
internal sealed record FanoutOptions(
    IReadOnlyList<int> Subscribers, int Events, bool Redis, int Articles, string CataloguePath, TimeSpan Gap, TimeSpan DeliveryTimeout,
    int ConnectConcurrency, TimeSpan TimeLimit, TimeSpan IdleWait);
