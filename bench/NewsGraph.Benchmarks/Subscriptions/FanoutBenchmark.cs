using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Benchmarks.Infrastructure;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Data;
using Spectre.Console;

namespace NewsGraph.Benchmarks.Subscriptions;

/// <summary>
/// Issue 4's measurement. The server(s) run in this process (real composition root, Kestrel on loopback); the
/// subscribers run in a child process, so this process's managed heap and working set are the server's (plus this
/// benchmark's small bookkeeping) and each process has its own file-descriptor budget. Events are published one at a
/// time through <see cref="ArticleWorkflow"/> (as an editor publishes) and the next one only after every subscriber has the previous one (or
/// the delivery timeout passed), so each latency is one event's fan-out, not a queue of events.
/// </summary>
internal static class FanoutBenchmark
{
    private const double TargetP99At1000 = 50;
    private const double TargetP99At10000 = 500;
    private const double TargetBytesPerSubscriber = 20 * 1024;

    public static async Task<int> RunAsync(FanoutOptions options, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.TimeLimit);
        CancellationToken ct = limit.Token;
        string runDatabase = Path.Combine(Path.GetTempPath(), $"newsgraph-fanout-{Guid.NewGuid():N}.db");
        BenchRedis? redis = null;
        var servers = new List<Instance>();
        try
        {
            await Catalogue.EnsureAsync(options.CataloguePath, options.Articles, seed: 42, reseed: false, ct);
            Queue<Draft> articleIds = await CopyCatalogueAsync(options.CataloguePath, runDatabase, ct);

            var settings = new List<string>();
            if (options.Redis)
            {
                redis = await BenchRedis.StartAsync(ct);
                settings.Add("Redis:Configuration=" + redis.Configuration);
            }

            foreach (string name in options.Redis ? new[] { "A", "B" } : ["A"])
            {
                servers.Add(await Instance.StartAsync(name, runDatabase, settings, ct));
            }

            PrintEnvironment(options, servers, redis);
            var results = new List<ScenarioResult>();
            int baseline = servers.Count; // one subscriber per instance
            foreach (int subscribers in new[] { baseline }.Concat(options.Subscribers))
            {
                AnsiConsole.Write(new Rule(Invariant($"[bold]{subscribers:N0} subscriber(s) on {servers.Count} instance(s)[/]")).LeftJustified());
                ScenarioResult result = await RunScenarioAsync(options, servers, subscribers, articleIds, ct);
                results.Add(result);
                Print(result);
            }

            PrintSummary(options, results);
            return results.All(r => r.Lost == 0 && r.Duplicates == 0) ? 0 : 1;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            AnsiConsole.MarkupLine(Invariant($"[red]Stopped: the run exceeded --time-limit ({options.TimeLimit.TotalMinutes} min).[/]"));
            return 2;
        }
        finally
        {
            foreach (Instance server in servers)
            {
                await server.DisposeAsync();
            }

            if (redis is not null)
            {
                await redis.DisposeAsync();
            }

            SqliteConnection.ClearAllPools();
            foreach (string suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(runDatabase + suffix);
            }
        }
    }

    /// <summary>
    /// Copies the catalogue (SQLite backup API) so that publishing never changes the reusable file, and makes the copy's
    /// published articles drafts again: the workflow publishes drafts only, and every event should be a real
    /// publication. Returns the drafts to publish; archived articles cannot be published and are left out.
    /// </summary>
    private static async Task<Queue<Draft>> CopyCatalogueAsync(string catalogue, string copy, CancellationToken ct)
    {
        await using (var source = new SqliteConnection(Catalogue.ConnectionString(catalogue)))
        await using (var target = new SqliteConnection(Catalogue.ConnectionString(copy)))
        {
            await source.OpenAsync(ct);
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
        }

        var drafts = new Queue<Draft>();
        await using var connection = new SqliteConnection(Catalogue.ConnectionString(copy));
        await connection.OpenAsync(ct);
        await using (SqliteCommand unpublish = connection.CreateCommand())
        {
            unpublish.CommandText = $"UPDATE Articles SET Status = {(int)ArticleStatus.Draft} WHERE Status = {(int)ArticleStatus.Published}";
            await unpublish.ExecuteNonQueryAsync(ct);
        }

        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT Id, Version FROM Articles WHERE Status = {(int)ArticleStatus.Draft} ORDER BY Id";
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            drafts.Enqueue(new Draft(reader.GetInt32(0), reader.GetInt32(1)));
        }

        return drafts;
    }

    private static async Task<ScenarioResult> RunScenarioAsync(
        FanoutOptions options, List<Instance> servers, int subscribers, Queue<Draft> articleIds, CancellationToken ct)
    {
        Instance publisher = servers[0];
        ArticleWorkflow publishing = publisher.Server.Services.GetRequiredService<ArticleWorkflow>();
        MemorySample before = await MemorySample.TakeAsync();

        var stopwatch = Stopwatch.StartNew();
        await using ClientProcess clients = ClientProcess.Start([.. servers.Select(s => s.Server.WebSocketEndpoint)], subscribers, options.ConnectConcurrency);
        TimeSpan readyTimeout = TimeSpan.FromSeconds(60 + (subscribers / 100));
        string ready = await clients.WaitForAsync("READY ", readyTimeout, ct)
            ?? throw new InvalidOperationException($"The clients were not ready within {readyTimeout}: {clients.StandardError()}");
        int opened = int.Parse(ready.Split(' ')[1], CultureInfo.InvariantCulture);
        int failed = int.Parse(ready.Split(' ')[2], CultureInfo.InvariantCulture);
        AnsiConsole.MarkupLine(Invariant($"{opened:N0} subscribers connected and subscribed in {stopwatch.Elapsed.TotalSeconds:F1} s ({failed} failed); child pid {clients.Id}"));

        int warmups = await WarmUpAsync(options, publishing, articleIds, clients, ct);
        (MemorySample afterBurst, MemorySample idle) = await SampleIdleAsync(options, ct);

        foreach (Instance server in servers)
        {
            server.Sql.Reset();
            server.Sql.Enabled = true;
        }

        var events = new List<PublishedEvent>(options.Events);
        int timeouts = 0;
        using var threadPool = new ThreadPoolSampler();
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var gcBefore = GcSample.Take();
        var eventsClock = Stopwatch.StartNew();
        for (int e = 0; e < options.Events; e++)
        {
            Draft draft = articleIds.Dequeue();
            string globalId = NodeId.Encode(ArticleType.TypeName, draft.Id);
            long start = Stopwatch.GetTimestamp();
            SqlCommandCounter.InPublisher = true;
            try
            {
                await PublishAsync(publishing, draft, ct);
            }
            finally
            {
                SqlCommandCounter.InPublisher = false;
            }

            long returned = Stopwatch.GetTimestamp();
            if (await clients.WaitForAsync("ALL " + globalId, options.DeliveryTimeout, ct) is null)
            {
                timeouts++;
            }

            // The outbox dispatcher hands the event to the bus after PublishAsync returned: read when it did once
            // everyone has the event (so it is this event's send).
            events.Add(new PublishedEvent(globalId, start, publisher.Sender.LastSendStart, returned));

            await Task.Delay(options.Gap, ct);
        }

        TimeSpan eventsElapsed = eventsClock.Elapsed;
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        GcSample gc = GcSample.Take() - gcBefore;
        (int maxPending, int maxThreads) = threadPool.Stop();
        await Task.Delay(TimeSpan.FromSeconds(1), ct); // stragglers of a timed-out event still count
        foreach (Instance server in servers)
        {
            server.Sql.Enabled = false;
        }

        string reportPath = Path.Combine(Path.GetTempPath(), $"newsgraph-fanout-receipts-{Guid.NewGuid():N}.bin");
        try
        {
            await clients.SendAsync("REPORT " + reportPath);
            _ = await clients.WaitForAsync("REPORTED", TimeSpan.FromMinutes(2), ct)
                ?? throw new InvalidOperationException("The clients did not report: " + clients.StandardError());
            Receipts receipts = Receipts.Read(reportPath);
            Marginal? marginal = await MeasureMarginalAsync(options, servers, subscribers, publishing, articleIds, ct);
            var analysis = Analyse(options, servers, subscribers, opened, failed, warmups, before, idle, events, timeouts, receipts,
                eventsElapsed, cpu, maxPending, maxThreads);
            return analysis with { Gc = gc, AfterBurst = afterBurst, Marginal = marginal };
        }
        finally
        {
            File.Delete(reportPath);
            await clients.DisposeAsync();
            // Let the server notice the closed sockets and dispose their subscriptions before the next "before" sample.
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
        }
    }

    private static async Task PublishAsync(ArticleWorkflow workflow, Draft draft, CancellationToken ct)
    {
        var result = await workflow.PublishAsync(NodeReference.For(ArticleType.TypeName, draft.Id), draft.Version, isBreaking: false, ct);
        if (result.Errors is { } errors)
        {
            throw new InvalidOperationException($"Article {draft.Id} was not published: {string.Join("; ", errors.Select(e => e.Message))}");
        }
    }

    /// <summary>graphql-transport-ws has no "subscribed" acknowledgement: publishes warm-up articles until one reaches every client.</summary>
    private static async Task<int> WarmUpAsync(FanoutOptions options, ArticleWorkflow publishing, Queue<Draft> articleIds, ClientProcess clients, CancellationToken ct)
    {
        int warmups = 0;
        while (warmups < 20)
        {
            Draft draft = articleIds.Dequeue();
            warmups++;
            await PublishAsync(publishing, draft, ct);
            if (await clients.WaitForAsync("ALL " + NodeId.Encode(ArticleType.TypeName, draft.Id), TimeSpan.FromSeconds(5) + options.DeliveryTimeout, ct) is not null)
            {
                return warmups;
            }
        }

        throw new InvalidOperationException("No warm-up event reached every subscriber: " + clients.StandardError());
    }

    /// <summary>
    /// Two samples after a warm-up burst: 2 s later (what the fan-out's buffers still hold) and after --idle-wait, when
    /// keep-alive pings are the only traffic. The server's memory pool keeps the blocks a burst borrowed for its
    /// retention period (MemoryPool:RetentionPeriod, 10 s) before it gives them back; the default --idle-wait is 15 s.
    /// </summary>
    private static async Task<(MemorySample AfterBurst, MemorySample Idle)> SampleIdleAsync(FanoutOptions options, CancellationToken ct)
    {
        TimeSpan afterBurstWait = TimeSpan.FromSeconds(2);
        await Task.Delay(afterBurstWait, ct);
        MemorySample afterBurst = await MemorySample.TakeAsync();
        TimeSpan rest = options.IdleWait - afterBurstWait;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest, ct);
        }

        return (afterBurst, await MemorySample.TakeAsync());
    }

    /// <summary>
    /// The cost of one more idle subscriber, without the scenario's fixed costs (code the load made the JIT compile or
    /// recompile, thread-pool threads, caches sized once): with the N subscribers still connected and idle, a second
    /// client process adds N/2 more (N/2 keeps the server under the file-descriptor limit at 10,000), warms them the
    /// same way and samples again; the difference divided by N/2 is the marginal memory per idle subscriber.
    /// </summary>
    private static async Task<Marginal?> MeasureMarginalAsync(
        FanoutOptions options, List<Instance> servers, int subscribers, ArticleWorkflow publishing, Queue<Draft> articleIds, CancellationToken ct)
    {
        int added = subscribers / 2;
        if (added < 100)
        {
            return null; // too few to divide fixed noise by
        }

        // The measured events came after the first idle sample: let their buffers go and sample N idle again.
        (_, MemorySample idle) = await SampleIdleAsync(options, ct);

        await using ClientProcess more = ClientProcess.Start([.. servers.Select(s => s.Server.WebSocketEndpoint)], added, options.ConnectConcurrency);
        TimeSpan readyTimeout = TimeSpan.FromSeconds(60 + (added / 100));
        _ = await more.WaitForAsync("READY ", readyTimeout, ct)
            ?? throw new InvalidOperationException($"The additional clients were not ready within {readyTimeout}: {more.StandardError()}");
        await WarmUpAsync(options, publishing, articleIds, more, ct);
        (_, MemorySample after) = await SampleIdleAsync(options, ct);
        return new Marginal(added, idle, after);
    }

    private static ScenarioResult Analyse(
        FanoutOptions options, List<Instance> servers, int subscribers, int opened, int failed, int warmups,
        MemorySample before, MemorySample idle, List<PublishedEvent> events, int timeouts, Receipts receipts,
        TimeSpan eventsElapsed, TimeSpan cpu, int maxPending, int maxThreads)
    {
        var byId = events.ToDictionary(e => e.GlobalId, StringComparer.Ordinal);
        var all = new List<double>(subscribers * events.Count);
        var fromSend = new List<double>(subscribers * events.Count);
        var perInstance = servers.Select(_ => new List<double>()).ToArray();
        var lastPerEvent = new Dictionary<string, double>(StringComparer.Ordinal);
        long lost = 0;
        long duplicates = 0;
        int closed = 0;
        int unexpected = 0;
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Receipts.Client client in receipts.Clients)
        {
            if (client.CloseStatus >= 0)
            {
                closed++;
            }

            unexpected += client.Unexpected;
            if (client.Failure.Length > 0)
            {
                string key = client.Failure.Length > 120 ? client.Failure[..120] : client.Failure;
                failures[key] = failures.GetValueOrDefault(key) + 1;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach ((string id, long timestamp) in client.Receipts)
            {
                if (!byId.TryGetValue(id, out PublishedEvent? published))
                {
                    continue; // a warm-up article
                }

                if (!seen.Add(id))
                {
                    duplicates++;
                    continue;
                }

                double ms = Stopwatch.GetElapsedTime(published.Start, timestamp).TotalMilliseconds;
                all.Add(ms);
                fromSend.Add(Stopwatch.GetElapsedTime(published.SendStart, timestamp).TotalMilliseconds);
                perInstance[client.Endpoint].Add(ms);
                lastPerEvent[id] = Math.Max(lastPerEvent.GetValueOrDefault(id), ms);
            }

            // Every subscriber that was asked to subscribe must have every event; failed connections count as losing all.
            lost += events.Count - seen.Count;
        }

        return new ScenarioResult(
            subscribers, servers.Count, opened, failed, warmups, events.Count, timeouts,
            all.Count > 0 ? LatencyStats.From(all) : null,
            fromSend.Count > 0 ? LatencyStats.From(fromSend) : null,
            [.. perInstance.Select((l, i) => (servers[i].Name, l.Count > 0 ? LatencyStats.From(l) : null))],
            lastPerEvent.Count > 0 ? LatencyStats.From(lastPerEvent.Values) : null,
            LatencyStats.From([.. events.Select(e => Stopwatch.GetElapsedTime(e.Start, e.Returned).TotalMilliseconds)]),
            lost, duplicates, closed, unexpected, failures,
            [.. servers.Select(s => new SqlResult(s.Name, s.Sql.Publisher, s.Sql.Outbox, s.Sql.Other, s.Sql.BySql.ToDictionary()))],
            before, idle, eventsElapsed, cpu, maxPending, maxThreads);
    }

    private static void PrintEnvironment(FanoutOptions options, List<Instance> servers, BenchRedis? redis)
    {
        var table = new Table().AddColumns("Setting", "Value").Border(TableBorder.Rounded);
        table.AddRow("Machine", Markup.Escape($"{Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}"));
        table.AddRow("GC (server process)", GCSettings.IsServerGC ? "server" : "workstation");
        table.AddRow("Clients", "child process (workstation GC), graphql-transport-ws over ClientWebSocket, one socket and one subscription each");
        table.AddRow("Subscription", Markup.Escape(SubscriberClients.Query));
        table.AddRow("Bus", redis is null ? "in-memory (one instance)" : Markup.Escape($"Redis Streams, redis-server {redis.Configuration} (no persistence); A and B share one SQLite file; publish on A"));
        foreach (Instance server in servers)
        {
            table.AddRow("Instance " + server.Name, Markup.Escape(server.Server.WebSocketEndpoint.ToString()));
        }

        table.AddRow("Catalogue", Markup.Escape($"{options.CataloguePath} ({options.Articles:N0} articles), copied per run"));
        table.AddRow("Events", Invariant($"{options.Events} per count, one at a time, next after full delivery + {options.Gap.TotalMilliseconds} ms"));
        table.AddRow("File descriptors", Markup.Escape(FileDescriptorLimit()));
        AnsiConsole.Write(table);
    }

    private static string FileDescriptorLimit()
    {
        try
        {
            string line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal)) ?? "";
            return line.Length > 0 ? string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(3).Take(2)) + " (soft hard) per process; server sockets here, client sockets in the child" : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static void Print(ScenarioResult r)
    {
        var table = new Table().AddColumns("what", "value").Border(TableBorder.Rounded);
        table.AddRow("subscribers", Invariant($"{r.Opened:N0} connected, {r.Failed} failed, warm after {r.Warmups} warm-up event(s)"));
        table.AddRow("latency publish call → next received", Stats(r.Latency));
        table.AddRow("latency bus send (after commit) → next received", Stats(r.FromSend));
        foreach ((string name, LatencyStats? stats) in r.PerInstance.Where(_ => r.Instances > 1))
        {
            table.AddRow("  subscribers on " + name, Stats(stats));
        }

        table.AddRow("last subscriber per event", Stats(r.LastPerEvent));
        table.AddRow("publishing service call (commit + send)", Stats(r.PublishCall));
        table.AddRow("lost / duplicate", Invariant($"{r.Lost} / {r.Duplicates} ({r.Timeouts} event(s) timed out; {r.Closed} closed by server; {r.Unexpected} unexpected messages)"));
        foreach ((string failure, int n) in r.Failures.Take(5))
        {
            table.AddRow("  failure", Markup.Escape(Invariant($"{n} x {failure}")));
        }

        foreach (SqlResult sql in r.Sql)
        {
            table.AddRow(Invariant($"SQL per event, instance {sql.Name}"), Invariant($"{(double)sql.Publisher / r.Events:F2} publishing service + {(double)sql.Outbox / r.Events:F2} outbox dispatcher + {(double)sql.Other / r.Events:F2} other ({sql.Publisher + sql.Outbox + sql.Other} in {r.Events} events)"));
            foreach ((string text, int n) in sql.BySql.OrderByDescending(kv => kv.Value))
            {
                table.AddRow("", Markup.Escape(Invariant($"{n} x {text}")));
            }
        }

        table.AddRow("server memory before → idle", Invariant($"heap {Mb(r.Before.Heap)} → {Mb(r.Idle.Heap)}, working set {Mb(r.Before.WorkingSet)} → {Mb(r.Idle.WorkingSet)}"));
        if (r.AfterBurst is { } burst)
        {
            table.AddRow("per subscriber 2 s after the warm-up burst", Invariant($"heap {Kb((burst.Heap - r.Before.Heap) / (double)r.Subscribers)}, working set {Kb((burst.WorkingSet - r.Before.WorkingSet) / (double)r.Subscribers)}"));
        }

        table.AddRow("per idle subscriber", Invariant($"heap {Kb((r.Idle.Heap - r.Before.Heap) / (double)r.Subscribers)}, working set {Kb((r.Idle.WorkingSet - r.Before.WorkingSet) / (double)r.Subscribers)}"));
        table.AddRow("after an aggressive GC (free memory returned to the OS)", Invariant($"working set {Kb((r.Idle.AggressiveWorkingSet - r.Before.AggressiveWorkingSet) / (double)r.Subscribers)}, GC committed {Kb((r.Idle.AggressiveCommitted - r.Before.AggressiveCommitted) / (double)r.Subscribers)} per idle subscriber"));
        if (r.Marginal is { } m)
        {
            table.AddRow(Invariant($"marginal: per idle subscriber of {m.Added:N0} more"), Invariant($"heap {Kb(m.Heap)}, working set {Kb(m.WorkingSet)}, GC committed {Kb(m.Committed)}; after an aggressive GC working set {Kb(m.AggressiveWorkingSet)}"));
        }

        table.AddRow("GC committed / fragmented, before → idle", Invariant($"{Mb(r.Before.Committed)} / {Mb(r.Before.Fragmented)} → {Mb(r.Idle.Committed)} / {Mb(r.Idle.Fragmented)} ({Kb((r.Idle.Committed - r.Before.Committed) / (double)r.Subscribers)} committed per idle subscriber)"));
        table.AddRow("server allocations / GC while events flowed", Invariant($"{r.Gc.Allocated / (double)r.Events / 1048576:F1} MB per event = {r.Gc.Allocated / (double)r.Events / r.Subscribers / 1024:F1} KB per delivery; GCs gen0/1/2 {r.Gc.Gen0}/{r.Gc.Gen1}/{r.Gc.Gen2}, total pause {r.Gc.Pause.TotalMilliseconds:F0} ms"));
        table.AddRow("server CPU while events flowed", Invariant($"{r.Cpu.TotalMilliseconds:F0} ms over {r.EventsElapsed.TotalSeconds:F1} s ({r.Cpu.TotalMilliseconds / r.Events:F1} ms per event); thread pool max {r.MaxThreads} threads, max {r.MaxPending} queued items"));
        AnsiConsole.Write(table);
    }

    private static void PrintSummary(FanoutOptions options, List<ScenarioResult> results)
    {
        AnsiConsole.Write(new Rule("[bold]Summary[/]").LeftJustified());
        ScenarioResult baseline = results[0];
        var table = new Table().Border(TableBorder.Rounded).AddColumns(
            "subscribers", "instances", "p50", "p99", "max", "p99 / p99(baseline)", "bus send → p99", "SQL/event/instance (feed + outbox)", "heap / sub 2 s after burst", "heap / idle sub", "WS / idle sub", "marginal heap / WS per idle sub", "lost", "dup");
        foreach (ScenarioResult r in results)
        {
            table.AddRow(
                Invariant($"{r.Subscribers:N0}{(ReferenceEquals(r, baseline) ? " (baseline)" : "")}"),
                Invariant($"{r.Instances}"),
                Ms(r.Latency?.Median), Ms(r.Latency?.P99), Ms(r.Latency?.Max),
                r.Latency is null || baseline.Latency is null ? "-" : Invariant($"{r.Latency.P99 / baseline.Latency.P99:F1}x"),
                Ms(r.FromSend?.P99),
                string.Join(", ", r.Sql.Select(s => Invariant($"{s.Name}: {(double)s.Other / r.Events:F2} + {(double)s.Outbox / r.Events:F2}"))),
                r.AfterBurst is { } burst ? Kb((burst.Heap - r.Before.Heap) / (double)r.Subscribers) : "-",
                Kb((r.Idle.Heap - r.Before.Heap) / (double)r.Subscribers),
                Kb((r.Idle.WorkingSet - r.Before.WorkingSet) / (double)r.Subscribers),
                r.Marginal is { } m ? Kb(m.Heap) + " / " + Kb(m.WorkingSet) : "-",
                Invariant($"{r.Lost}"), Invariant($"{r.Duplicates}"));
        }

        AnsiConsole.Write(table);
        foreach (ScenarioResult r in results.Skip(1))
        {
            double? target = r.Subscribers <= 1_000 ? TargetP99At1000 : r.Subscribers <= 10_000 ? TargetP99At10000 : null;
            if (target is { } t && r.Latency is { } latency)
            {
                Verdict(Invariant($"p99 at {r.Subscribers:N0} subscribers{(r.Instances > 1 ? " (2 instances, Redis)" : "")}: {latency.P99:F1} ms (target <= {t} ms; {latency.P99 / baseline.Latency!.P99:F1}x the {baseline.Subscribers}-subscriber p99 of {baseline.Latency.P99:F1} ms)"), latency.P99 <= t);
            }

            double heap = (r.Idle.Heap - r.Before.Heap) / (double)r.Subscribers;
            double ws = (r.Idle.WorkingSet - r.Before.WorkingSet) / (double)r.Subscribers;
            AnsiConsole.MarkupLine(Markup.Escape(Invariant($"memory per idle subscriber at {r.Subscribers:N0}, (idle - before) / N, fixed costs of the scenario included: managed heap {Kb(heap)}, working set {Kb(ws)}")));
            if (r.Marginal is { } m)
            {
                Verdict(Invariant($"memory per idle subscriber at {r.Subscribers:N0}, marginal over {m.Added:N0} more: managed heap {Kb(m.Heap)}, working set {Kb(m.WorkingSet)} (target <= 20 KB, both)"), m.Heap <= TargetBytesPerSubscriber && m.WorkingSet <= TargetBytesPerSubscriber);
            }
        }

        foreach (ScenarioResult r in results)
        {
            Verdict(Invariant($"events at {r.Subscribers:N0}: {r.Lost} lost, {r.Duplicates} duplicates of {(long)r.Subscribers * r.Events:N0} expected deliveries (target 0)"), r.Lost == 0 && r.Duplicates == 0);
        }

        _ = options;
    }

    private static void Verdict(string text, bool met) =>
        AnsiConsole.MarkupLine(Markup.Escape(text) + (met ? " [green]met[/]" : " [red]NOT MET[/]"));

    private static string Stats(LatencyStats? s) =>
        s is null ? "-" : Invariant($"p50 {s.Median:F2} ms, p95 {s.P95:F2} ms, p99 {s.P99:F2} ms, max {s.Max:F2} ms, mean {s.Mean:F2} ms (n = {s.Count:N0})");

    private static string Ms(double? value) => value is { } v ? Invariant($"{v:F2} ms") : "-";

    private static string Mb(long bytes) => Invariant($"{bytes / 1048576.0:F1} MB");

    private static string Kb(double bytes) => Invariant($"{bytes / 1024:F1} KB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One server instance of the run with its probes.</summary>
    private sealed class Instance : IAsyncDisposable
    {
        private readonly Slot<TimedEventSender?> _sender;

        private Instance(string name, BenchServer server, SqlCommandCounter sql, Slot<TimedEventSender?> sender)
        {
            Name = name;
            Server = server;
            Sql = sql;
            _sender = sender;
        }

        public string Name { get; }

        public BenchServer Server { get; }

        public SqlCommandCounter Sql { get; }

        public TimedEventSender Sender => _sender.Value ?? throw new InvalidOperationException("The event sender has not been resolved yet.");

        public static async Task<Instance> StartAsync(string name, string database, IEnumerable<string> settings, CancellationToken ct)
        {
            var sql = new SqlCommandCounter();
            Slot<TimedEventSender?> sender = new(null);
            BenchServer server = await BenchServer.StartAsync(database, sql, settings, services => sender = TimedEventSender.Decorate(services), ct);
            return new Instance(name, server, sql, sender);
        }

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }

    /// <summary>A draft of the run's catalogue copy, with the version the workflow expects.</summary>
    private readonly record struct Draft(int Id, int Version);

    private sealed record PublishedEvent(string GlobalId, long Start, long SendStart, long Returned);

    private sealed record SqlResult(string Name, int Publisher, int Outbox, int Other, IReadOnlyDictionary<string, int> BySql);

    private sealed record ScenarioResult(
        int Subscribers, int Instances, int Opened, int Failed, int Warmups, int Events, int Timeouts,
        LatencyStats? Latency, LatencyStats? FromSend, IReadOnlyList<(string Name, LatencyStats? Stats)> PerInstance,
        LatencyStats? LastPerEvent, LatencyStats PublishCall,
        long Lost, long Duplicates, int Closed, int Unexpected, IReadOnlyDictionary<string, int> Failures,
        IReadOnlyList<SqlResult> Sql, MemorySample Before, MemorySample Idle, TimeSpan EventsElapsed, TimeSpan Cpu, int MaxPending, int MaxThreads)
    {
        public GcSample Gc { get; init; } = new(0, 0, 0, 0, TimeSpan.Zero);

        /// <summary>Memory 2 s after the warm-up burst (before the idle sample).</summary>
        public MemorySample? AfterBurst { get; init; }

        /// <summary>Idle memory before and after adding <see cref="Marginal.Added"/> more subscribers.</summary>
        public Marginal? Marginal { get; init; }
    }

    /// <summary>Idle samples with N subscribers and with N + <paramref name="Added"/>.</summary>
    private sealed record Marginal(int Added, MemorySample Before, MemorySample After)
    {
        public double Heap => (After.Heap - Before.Heap) / (double)Added;

        public double WorkingSet => (After.WorkingSet - Before.WorkingSet) / (double)Added;

        public double AggressiveWorkingSet => (After.AggressiveWorkingSet - Before.AggressiveWorkingSet) / (double)Added;

        public double Committed => (After.Committed - Before.Committed) / (double)Added;
    }

    /// <summary>Bytes allocated by this process (all threads), collections and GC pause time.</summary>
    private sealed record GcSample(long Allocated, int Gen0, int Gen1, int Gen2, TimeSpan Pause)
    {
        public static GcSample Take() => new(
            GC.GetTotalAllocatedBytes(precise: false), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

        public static GcSample operator -(GcSample a, GcSample b) =>
            new(a.Allocated - b.Allocated, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Pause - b.Pause);
    }

    /// <summary>
    /// This process's managed heap after a full blocking compacting GC, its working set, and what the GC had committed
    /// (heap plus the free space and fragmentation it keeps for future allocations).
    /// </summary>
    private sealed record MemorySample(long Heap, long WorkingSet, long Committed = 0, long Fragmented = 0, long AggressiveWorkingSet = 0, long AggressiveCommitted = 0)
    {

        public static async Task<MemorySample> TakeAsync()
        {
            for (int i = 0; i < 3; i++)
            {
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                await Task.Delay(100);
            }

            long heap = GC.GetTotalMemory(forceFullCollection: true);
            GCMemoryInfo info = GC.GetGCMemoryInfo(GCKind.Any);
            using Process self = Process.GetCurrentProcess();
            self.Refresh();
            long workingSet = self.WorkingSet64;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            await Task.Delay(200);
            self.Refresh();
            return new MemorySample(heap, workingSet, info.TotalCommittedBytes, info.FragmentedBytes, self.WorkingSet64, GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes);
        }
    }

    /// <summary>Samples the thread pool every 10 ms while events flow: queued work items and threads (starvation shows here).</summary>
    private sealed class ThreadPoolSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private int _maxPending;
        private int _maxThreads;

        public ThreadPoolSampler()
        {
            _loop = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
                try
                {
                    while (await timer.WaitForNextTickAsync(_stop.Token))
                    {
                        _maxPending = Math.Max(_maxPending, (int)Math.Min(int.MaxValue, ThreadPool.PendingWorkItemCount));
                        _maxThreads = Math.Max(_maxThreads, ThreadPool.ThreadCount);
                    }
                }
                catch (OperationCanceledException)
                {
                }
            });
        }

        public (int MaxPending, int MaxThreads) Stop()
        {
            _stop.Cancel();
            _loop.Wait(TimeSpan.FromSeconds(1));
            return (_maxPending, _maxThreads);
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }

    /// <summary>The child's receipt file (see <see cref="SubscriberClients"/>).</summary>
    private sealed class Receipts
    {
        public required IReadOnlyList<Client> Clients { get; init; }

        public static Receipts Read(string path)
        {
            using var file = new BinaryReader(File.OpenRead(path));
            string[] ids = new string[file.ReadInt32()];
            for (int i = 0; i < ids.Length; i++)
            {
                ids[i] = file.ReadString();
            }

            var clients = new List<Client>(file.ReadInt32());
            for (int c = clients.Capacity; c > 0; c--)
            {
                int endpoint = file.ReadInt32();
                int closeStatus = file.ReadInt32();
                int unexpected = file.ReadInt32();
                string failure = file.ReadString();
                var receipts = new (string, long)[file.ReadInt32()];
                for (int r = 0; r < receipts.Length; r++)
                {
                    receipts[r] = (ids[file.ReadInt32()], file.ReadInt64());
                }

                clients.Add(new Client(endpoint, closeStatus, unexpected, failure, receipts));
            }

            return new Receipts { Clients = clients };
        }

        public sealed record Client(int Endpoint, int CloseStatus, int Unexpected, string Failure, IReadOnlyList<(string Id, long Timestamp)> Receipts);
    }
}
