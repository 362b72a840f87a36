using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Benchmarks.Infrastructure;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Data;
using Spectre.Console;

namespace NewsGraph.Benchmarks.Paging;

/// <summary>
/// Issue 2's measurement: with keyset cursors a page <c>Depth</c> rows deep must cost about what the first page
/// costs (target: deep/first median ≤ 1.5). Everything runs against one server instance on one catalogue, and
/// every comparison interleaves its variants, so machine drift (thermal, page cache, GC) hits all of them alike.
/// </summary>
internal static class PagingBenchmark
{
    private const double Target = 1.5;
    private const int PageSize = 10;

    /// <summary>The orderings exercised over HTTP: the default one and a user ordering full of ties.</summary>
    private static readonly Ordering[] Orderings =
    [
        new("default", "default: publishedAt DESC, id DESC", "", q => q.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)),
        new("wordCount", "order: [{ wordCount: DESC }] (+ id DESC)", ", order: [{ wordCount: DESC }]", q => q.OrderByDescending(a => a.WordCount).ThenByDescending(a => a.Id)),
    ];

    public static async Task<int> RunAsync(PagingBenchmarkOptions options, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.TimeLimit);
        CancellationToken ct = limit.Token;
        try
        {
            // A cluster of the run's own (PostgreSQL without --connection), removed when the run ends, however it ends.
            await using BenchPostgres? cluster = options.Provider == DatabaseProvider.PostgreSQL && options.Connection is null
                ? await BenchPostgres.StartAsync(ct)
                : null;
            BenchDatabase database = await Catalogue.PrepareAsync(
                options.Provider, options.DatabasePath, options.Connection, cluster, Invariant($"newsgraph_bench_{options.Articles}"),
                options.Articles, options.Seed, options.Reseed, ct);

            var capture = new SqlCapture();
            await using BenchServer server = await BenchServer.StartAsync(database, capture, ct);
            var factory = server.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>();
            int published;
            await using (NewsDbContext db = await factory.CreateDbContextAsync(ct))
            {
                published = await db.Articles.CountAsync(ct);
            }

            PrintEnvironment(options, database, server, published);
            if (published <= options.Depth + PageSize)
            {
                throw new InvalidOperationException($"Only {published} published articles: too few for a page {options.Depth} rows deep.");
            }

            var run = new Run(options, database, server, capture, factory);
            var httpResults = new List<HttpResult>();
            foreach (Ordering ordering in Orderings.Where(o => options.Orderings.Contains(o.Key, StringComparer.OrdinalIgnoreCase)))
            {
                httpResults.Add(await run.MeasureHttpAsync(ordering, ct));
            }

            EfResult ef = await run.MeasureEfAsync(ct);
            PrintSummary(options, httpResults, ef);
            foreach (string warning in run.PlanWarnings)
            {
                AnsiConsole.MarkupLine($"[yellow]plan warning:[/] {Markup.Escape(warning)}");
            }

            return 0;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            AnsiConsole.MarkupLine($"[red]Stopped: the run exceeded --time-limit ({options.TimeLimit.TotalMinutes} min).[/]");
            return 2;
        }
    }

    private static void PrintEnvironment(PagingBenchmarkOptions options, BenchDatabase database, BenchServer server, int published)
    {
        var table = new Table().AddColumns("Setting", "Value").Border(TableBorder.Rounded);
        table.AddRow("Machine", Markup.Escape($"{Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}"));
        table.AddRow("GC", GCSettings.IsServerGC ? "server" : "workstation");
        table.AddRow("Configuration", Markup.Escape(IsOptimized() ? "Release (JIT optimised)" : "Debug: numbers are not meaningful, use -c Release"));
        table.AddRow("Database", Markup.Escape(database.Describe()));
        table.AddRow("Articles", Invariant($"{options.Articles:N0} ({published:N0} published, visible to readers)"));
        table.AddRow("Server", Markup.Escape(server.Endpoint.ToString()));
        table.AddRow("Deep page", Invariant($"after the cursor of row {options.Depth:N0}, first: {PageSize}"));
        table.AddRow("Samples", Invariant($"{options.Warmup} warm-up + {options.Iterations} timed per variant, interleaved"));
        AnsiConsole.Write(table);
    }

    private static bool IsOptimized() =>
        typeof(PagingBenchmark).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)
            .OfType<DebuggableAttribute>().All(d => !d.IsJITOptimizerDisabled);

    private static void PrintSummary(PagingBenchmarkOptions options, List<HttpResult> http, EfResult ef)
    {
        AnsiConsole.Write(new Rule("[bold]Summary[/]").LeftJustified());
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Path", "Ordering", "first median", "first p95", "deep median", "deep p95", "deep/first median", "deep/first p95");
        foreach (HttpResult result in http)
        {
            AddRatioRow(table, "GraphQL over HTTP (keyset)", result.Ordering.Name, result.First, result.Deep);
        }

        AddRatioRow(table, "EF Core direct, keyset", Orderings[0].Name, ef.First, ef.KeysetDeep);
        AddRatioRow(table, "EF Core direct, OFFSET (HC index cursors)", Orderings[0].Name, ef.First, ef.OffsetDeep);
        AddRatioRow(table, "EF Core direct, keyset, fixed SQL shape", Orderings[0].Name, ef.FixedFirst, ef.FixedDeep);
        AnsiConsole.Write(table);

        foreach (HttpResult result in http)
        {
            double ratio = result.Deep.Median / result.First.Median;
            string verdict = ratio <= Target ? "[green]meets target[/]" : "[red]MISSES target[/]";
            AnsiConsole.MarkupLine(Invariant($"{options.Provider} keyset deep/first median ratio ({Markup.Escape(result.Ordering.Name)}): [bold]{ratio:F2}x[/] (target <= {Target}) {verdict}; p95 ratio {result.Deep.P95 / result.First.P95:F2}x"));
        }

        AnsiConsole.MarkupLine(Invariant($"offset deep/first median ratio (EF direct, what OFFSET paging would cost): [bold]{ef.OffsetDeep.Median / ef.First.Median:F1}x[/]; keyset in EF direct: [bold]{ef.KeysetDeep.Median / ef.First.Median:F2}x[/]"));
        AnsiConsole.MarkupLine(Invariant($"fixed SQL shape (EF direct): first {ef.FixedFirst.Median:F2} ms, deep {ef.FixedDeep.Median:F2} ms, deep/first median {ef.FixedDeep.Median / ef.FixedFirst.Median:F2}x"));
        if (http.Count > 0)
        {
            // Latency matters as much as the ratio: a first page that scans and sorts the table makes any ratio look good.
            AnsiConsole.MarkupLine(Invariant($"{options.Provider} keyset deep/first median ratio: {http[0].Deep.Median / http[0].First.Median:F1}x (target <= {Target}); first page median {http[0].First.Median:F1} ms, deep page median {http[0].Deep.Median:F1} ms"));
        }

    }

    private static void AddRatioRow(Table table, string path, string ordering, LatencyStats first, LatencyStats deep) =>
        table.AddRow(
            Markup.Escape(path), Markup.Escape(ordering),
            Ms(first.Median), Ms(first.P95), Ms(deep.Median), Ms(deep.P95),
            Invariant($"{deep.Median / first.Median:F2}x"), Invariant($"{deep.P95 / first.P95:F2}x"));

    internal static string Ms(double value) => Invariant($"{value:F2} ms");

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> OrderingKeys => [.. Orderings.Select(o => o.Key)];

    internal sealed record Ordering(string Key, string Name, string Argument, Func<IQueryable<Article>, IOrderedQueryable<Article>> Apply);

    private sealed record HttpResult(Ordering Ordering, LatencyStats First, LatencyStats Deep);

    private sealed record EfResult(LatencyStats First, LatencyStats OffsetDeep, LatencyStats KeysetDeep, LatencyStats FixedFirst, LatencyStats FixedDeep);

    /// <summary>One run's shared state: the server, the capture hook and the knobs.</summary>
    private sealed class Run(PagingBenchmarkOptions options, BenchDatabase database, BenchServer server, SqlCapture capture, IDbContextFactory<NewsDbContext> factory)
    {
        /// <summary>Plans that sort or scan; repeated in the summary because they make a good ratio meaningless.</summary>
        public List<string> PlanWarnings { get; } = [];

        public async Task<HttpResult> MeasureHttpAsync(Ordering ordering, CancellationToken ct)
        {
            AnsiConsole.Write(new Rule(Markup.Escape($"GraphQL over HTTP — {ordering.Name}")).LeftJustified());
            string deepCursor = await WalkToDepthAsync(ordering, ct);

            string page = $"query Page($after: String) {{ articles(first: {PageSize}, after: $after{ordering.Argument}) {{ nodes {{ id title publishedAt author {{ name }} }} }} }}";
            // The same document for both variants: only the cursor differs.
            byte[] firstBody = BenchServer.Body(page, new JsonObject { ["after"] = null });
            byte[] deepBody = BenchServer.Body(page, new JsonObject { ["after"] = deepCursor });

            await VerifyDeepPageAsync(ordering, deepBody, ct);
            await ExplainAsync("first page", () => server.PostAsync(firstBody, ct), ct);
            await ExplainAsync(Invariant($"deep page (after row {options.Depth:N0})"), () => server.PostAsync(deepBody, ct), ct);

            LatencyStats[] stats = await Interleaved.MeasureAsync(
                [Http(firstBody), Http(deepBody)], options.Warmup, options.Iterations, ct);
            PrintStats(("first page", stats[0]), ("deep page", stats[1]));
            return new HttpResult(ordering, stats[0], stats[1]);

            Func<CancellationToken, Task<double>> Http(byte[] body) => async token =>
            {
                (double ms, byte[] response) = await server.PostTimedAsync(body, token);
                // Checked after the clock stopped: a page with errors must never count as a fast page.
                if (BenchServer.DataOf(response)["articles"]?["nodes"] is not JsonArray { Count: PageSize })
                {
                    throw new InvalidOperationException($"Unexpected page: {System.Text.Encoding.UTF8.GetString(response)}");
                }

                return ms;
            };
        }

        /// <summary>
        /// Walks from the start like a client would, keeping the endCursor at exactly <c>Depth</c> rows. Prints the
        /// SQL and plan of the first request that carries a cursor up front, and the latency of the walk's pages by
        /// depth: if keyset paging degrades with depth, it shows here long before the walk ends.
        /// </summary>
        private async Task<string> WalkToDepthAsync(Ordering ordering, CancellationToken ct)
        {
            string walk = $"query Walk($after: String) {{ articles(first: {options.WalkPageSize}, after: $after{ordering.Argument}) {{ pageInfo {{ endCursor hasNextPage }} }} }}";
            int pages = options.Depth / options.WalkPageSize;
            int report = Math.Max(1, pages / 10);
            string? cursor = null;
            var stopwatch = Stopwatch.StartNew();
            var slice = new List<double>(report);
            for (int i = 0; i < pages; i++)
            {
                byte[] body = BenchServer.Body(walk, new JsonObject { ["after"] = cursor });
                if (i == 1)
                {
                    await ExplainAsync(Invariant($"walk page 2 (first: {options.WalkPageSize}, after row {options.WalkPageSize})"), () => server.PostAsync(body, ct), ct);
                }

                (double ms, byte[] response) = await server.PostTimedAsync(body, ct);
                JsonNode pageInfo = BenchServer.DataOf(response)["articles"]!["pageInfo"]!;
                cursor = pageInfo["endCursor"]?.GetValue<string>();
                if (cursor is null || (!pageInfo["hasNextPage"]!.GetValue<bool>() && i < pages - 1))
                {
                    throw new InvalidOperationException(Invariant($"The walk ended at page {i + 1} of {pages}."));
                }

                slice.Add(ms);
                if ((i + 1) % report == 0 || i == pages - 1)
                {
                    LatencyStats s = LatencyStats.From(slice);
                    AnsiConsole.MarkupLine(Invariant($"  walk: rows {(i + 1 - slice.Count) * options.WalkPageSize + 1:N0}-{(i + 1) * options.WalkPageSize:N0}: median {s.Median:F2} ms, p95 {s.P95:F2} ms per page ({stopwatch.Elapsed.TotalSeconds:F0} s so far)"));
                    slice.Clear();
                }
            }

            AnsiConsole.MarkupLine(Invariant($"Cursor of row {options.Depth:N0}: {pages:N0} requests in {stopwatch.Elapsed.TotalSeconds:F1} s ({stopwatch.Elapsed.TotalMilliseconds / pages:F2} ms per page of {options.WalkPageSize})."));
            AnsiConsole.MarkupLine($"  cursor: [grey]{Markup.Escape(cursor!)}[/]");
            return cursor!;
        }

        /// <summary>The deep page must hold rows Depth+1…Depth+10 of the ordering: checked against OFFSET in EF Core.</summary>
        private async Task VerifyDeepPageAsync(Ordering ordering, byte[] deepBody, CancellationToken ct)
        {
            JsonNode data = await server.PostAsync(deepBody, ct);
            string[] actual = [.. data["articles"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>())];
            await using NewsDbContext db = await factory.CreateDbContextAsync(ct);
            List<int> expectedIds = await ordering.Apply(db.Articles).Skip(options.Depth).Take(PageSize).Select(a => a.Id).ToListAsync(ct);
            string[] expected = [.. expectedIds.Select(id => NodeId.Encode("Article", id))];
            if (!actual.SequenceEqual(expected))
            {
                throw new InvalidOperationException($"The deep page is not rows {options.Depth + 1}…: got [{string.Join(", ", actual)}], OFFSET gives [{string.Join(", ", expected)}].");
            }

            AnsiConsole.MarkupLine(Invariant($"Deep page verified: same {PageSize} articles as OFFSET {options.Depth:N0} (ids {expectedIds[0]}…{expectedIds[^1]})."));
        }

        public async Task<EfResult> MeasureEfAsync(CancellationToken ct)
        {
            Ordering ordering = Orderings[0];
            AnsiConsole.Write(new Rule(Markup.Escape($"EF Core in process, no GraphQL — {ordering.Name}")).LeftJustified());

            // Row Depth's keys, as a keyset cursor would carry them.
            DateTime? cursorPublishedAt;
            int cursorId;
            await using (NewsDbContext db = await factory.CreateDbContextAsync(ct))
            {
                var row = await ordering.Apply(db.Articles).Skip(options.Depth - 1).Select(a => new { a.PublishedAt, a.Id }).FirstAsync(ct);
                (cursorPublishedAt, cursorId) = (row.PublishedAt, row.Id);
            }

            int depth = options.Depth;
            // Full entities, one context per query: what the articles resolver does.
            Func<NewsDbContext, Task<List<Article>>> first = db => ordering.Apply(db.Articles).Take(PageSize).ToListAsync(ct);
            Func<NewsDbContext, Task<List<Article>>> offsetDeep = db => ordering.Apply(db.Articles).Skip(depth).Take(PageSize).ToListAsync(ct);
            // Hand-written keyset predicate of the same shape the server builds (leading range, then ties on Id).
            // Published rows never have a NULL PublishedAt, so the NULL branch the generic builder adds is left out.
            Func<NewsDbContext, Task<List<Article>>> keysetDeep = db => ordering.Apply(db.Articles.Where(a =>
                    a.PublishedAt <= cursorPublishedAt
                    && (a.PublishedAt < cursorPublishedAt || (a.PublishedAt == cursorPublishedAt && a.Id < cursorId))))
                .Take(PageSize).ToListAsync(ct);

            await using (NewsDbContext db = await factory.CreateDbContextAsync(ct))
            {
                List<int> viaOffset = [.. (await offsetDeep(db)).Select(a => a.Id)];
                List<int> viaKeyset = [.. (await keysetDeep(db)).Select(a => a.Id)];
                if (!viaOffset.SequenceEqual(viaKeyset))
                {
                    throw new InvalidOperationException("EF keyset and OFFSET deep pages differ.");
                }
            }

            // What the server's SQL would cost with the two fixes the plans above call for: a plain `Status = 1`
            // instead of `(@IncludeUnpublished OR Status = 1)`, and no `OR PublishedAt IS NULL` branches.
            Func<NewsDbContext, Task<List<Article>>> fixedFirst = db => ordering.Apply(PublishedOnly(db)).Take(PageSize).ToListAsync(ct);
            Func<NewsDbContext, Task<List<Article>>> fixedDeep = db => ordering.Apply(PublishedOnly(db).Where(a =>
                    a.PublishedAt <= cursorPublishedAt
                    && (a.PublishedAt < cursorPublishedAt || (a.PublishedAt == cursorPublishedAt && a.Id < cursorId))))
                .Take(PageSize).ToListAsync(ct);

            await ExplainAsync("EF first page", () => OnContext(first), ct);
            await ExplainAsync(Invariant($"EF OFFSET {depth:N0}"), () => OnContext(offsetDeep), ct);
            await ExplainAsync("EF keyset deep page", () => OnContext(keysetDeep), ct);
            await ExplainAsync("EF keyset deep page, fixed predicate shape", () => OnContext(fixedDeep), ct);

            LatencyStats[] stats = await Interleaved.MeasureAsync(
                [Timed(first), Timed(offsetDeep), Timed(keysetDeep), Timed(fixedFirst), Timed(fixedDeep)], options.Warmup, options.Iterations, ct);
            PrintStats(
                ("first page (Take 10)", stats[0]),
                (Invariant($"OFFSET (Skip {depth:N0}, Take 10)"), stats[1]),
                ("keyset deep (Where … Take 10)", stats[2]),
                ("fixed shape: first page", stats[3]),
                ("fixed shape: keyset deep", stats[4]));
            return new EfResult(stats[0], stats[1], stats[2], stats[3], stats[4]);

            // The model's reader filter replaced by the equality it means, so SQLite can seek (Status = ?, PublishedAt < ?).
            static IQueryable<Article> PublishedOnly(NewsDbContext db) =>
                db.Articles.IgnoreQueryFilters().Where(a => a.Status == ArticleStatus.Published);

            async Task OnContext(Func<NewsDbContext, Task<List<Article>>> query)
            {
                await using NewsDbContext db = await factory.CreateDbContextAsync(ct);
                _ = await query(db);
            }

            Func<CancellationToken, Task<double>> Timed(Func<NewsDbContext, Task<List<Article>>> query) => async _ =>
            {
                long start = Stopwatch.GetTimestamp();
                await using NewsDbContext db = await factory.CreateDbContextAsync(ct);
                List<Article> rows = await query(db);
                double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                return rows.Count == PageSize ? ms : throw new InvalidOperationException($"Expected {PageSize} rows, got {rows.Count}.");
            };
        }

        /// <summary>Prints the SQL the action sent for the Articles page and SQLite's plan for it.</summary>
        private async Task ExplainAsync(string title, Func<Task> action, CancellationToken ct)
        {
            IReadOnlyList<CapturedCommand> commands = await capture.Capture(action);
            // The page query reads Articles with a LIMIT; the author DataLoader's batch reads Authors.
            CapturedCommand? pageQuery = commands.LastOrDefault(c => c.Sql.Contains("FROM \"Articles\"", StringComparison.Ordinal)
                && c.Sql.Contains("LIMIT", StringComparison.Ordinal));
            var panel = new List<string> { Invariant($"{commands.Count} SQL command(s) for this request.") };
            if (pageQuery is null)
            {
                panel.Add("(no Articles page query captured)");
            }
            else
            {
                panel.Add(pageQuery.Sql);
                panel.Add("-- parameters: " + string.Join(", ", pageQuery.Parameters.Select(p => Invariant($"{p.Name} = {Format(p.Value)}"))));
                panel.Add(database.Provider == DatabaseProvider.Sqlite ? "-- EXPLAIN QUERY PLAN:" : "-- EXPLAIN (ANALYZE, BUFFERS):");
                string plan = await QueryPlan.ExplainAsync(database, pageQuery, ct);
                panel.Add(plan);
                if (QueryPlan.IsNotAnIndexSeek(database.Provider, plan))
                {
                    PlanWarnings.Add(Invariant($"{title}: the page query is not a plain index seek ({string.Join("; ", plan.Split('\n').Select(l => l.Trim()))})"));
                }
            }

            AnsiConsole.Write(new Panel(new Text(string.Join('\n', panel))).Header(Markup.Escape($"SQL: {title}")).Expand());
        }

        private static string Format(object? value) => value switch
        {
            null => "NULL",
            string s => $"'{s}'",
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        private static void PrintStats(params (string Name, LatencyStats Stats)[] rows)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Variant", "n", "median", "p95", "mean", "min", "max");
            foreach ((string name, LatencyStats s) in rows)
            {
                table.AddRow(Markup.Escape(name), s.Count.ToString(CultureInfo.InvariantCulture), Ms(s.Median), Ms(s.P95), Ms(s.Mean), Ms(s.Min), Ms(s.Max));
            }

            AnsiConsole.Write(table);
        }
    }
}
