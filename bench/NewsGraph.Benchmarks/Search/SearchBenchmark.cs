using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json.Nodes;
using NewsGraph.Benchmarks.Infrastructure;
using NewsGraph.Server.Data;
using Spectre.Console;

namespace NewsGraph.Benchmarks.Search;

/// <summary>
/// Issue 14's measurement: ranked full-text search (<c>searchArticles</c>) against the <c>contains</c> filter on the body
/// it replaces, through GraphQL over HTTP on the real server, for rare, medium and very common words. Targets: p99 under
/// <see cref="P99TargetMs"/> ms, and at least <see cref="RatioTarget"/>× faster than <c>contains</c> for the same word.
/// All variants are interleaved round-robin in one run on one catalogue, each rotating over several queries.
/// </summary>
internal static class SearchBenchmark
{
    private const double P99TargetMs = 20;
    private const double RatioTarget = 10;

    public static async Task<int> RunAsync(SearchBenchmarkOptions options, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.TimeLimit);
        CancellationToken ct = limit.Token;
        try
        {
            await using BenchPostgres? cluster = options.Provider == DatabaseProvider.PostgreSQL && options.Connection is null
                ? await BenchPostgres.StartAsync(ct)
                : null;
            BenchDatabase database = await Catalogue.PrepareAsync(
                options.Provider, options.DatabasePath, options.Connection, cluster, Invariant($"newsgraph_search_bench_{options.Articles}"),
                options.Articles, options.Seed, options.Reseed, ct);

            // Chosen with plain ADO.NET before the server starts, so the cold phase below is the server's first requests.
            IReadOnlyList<VocabularyClass> vocabulary = await SearchVocabulary.ChooseAsync(database, options.Articles, options.QueriesPerClass, ct);
            List<Variant> variants = SearchWorkload.Build(vocabulary);
            string loadBefore = LoadAverage();

            var capture = new SqlCapture();
            var started = Stopwatch.StartNew();
            await using BenchServer server = await BenchServer.StartAsync(database, capture, ct);
            double startMs = started.Elapsed.TotalMilliseconds;
            PrintEnvironment(options, database, server, loadBefore);

            var run = new Run(options, database, server, capture);
            Dictionary<Variant, LatencyStats> cold = await run.MeasureColdAsync(variants, startMs, ct);
            await run.CountMatchesAsync(variants, ct);
            PrintVocabulary(variants, options.Articles);
            await run.ExplainAsync(variants, ct);

            await run.WarmUpAsync(variants, ct);
            (string Name, LatencyStats Stats)[] statements = await run.MeasureStatementsAsync(variants, ct);
            Dictionary<Variant, LatencyStats> warm = await run.MeasureWarmAsync(variants, ct);
            string loadAfter = LoadAverage();

            PrintSummary(options, variants, cold, warm, statements, loadBefore, loadAfter);
            return 0;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            AnsiConsole.MarkupLine($"[red]Stopped: the run exceeded --time-limit ({options.TimeLimit.TotalMinutes} min).[/]");
            return 2;
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static void PrintEnvironment(SearchBenchmarkOptions options, BenchDatabase database, BenchServer server, string load)
    {
        var table = new Table().AddColumns("Setting", "Value").Border(TableBorder.Rounded);
        table.AddRow("Machine", Markup.Escape($"{Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {load}"));
        table.AddRow("GC", GCSettings.IsServerGC ? "server" : "workstation");
        table.AddRow("Configuration", Markup.Escape(IsOptimized() ? "Release (JIT optimised)" : "Debug: numbers are not meaningful, use -c Release"));
        table.AddRow("Database", Markup.Escape(database.Describe()));
        table.AddRow("Articles", Invariant($"{options.Articles:N0} (all statuses; the reader finds the published ones)"));
        table.AddRow("Server", Markup.Escape(server.Endpoint.ToString()));
        table.AddRow("Samples", Invariant($"cold: the first {options.ColdSeconds} s after start; warm-up {options.WarmupSeconds} s; then {options.Iterations} timed per variant, interleaved, {options.QueriesPerClass} queries rotating per variant"));
        AnsiConsole.Write(table);
    }

    private static bool IsOptimized() =>
        typeof(SearchBenchmark).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)
            .OfType<DebuggableAttribute>().All(d => !d.IsJITOptimizerDisabled);

    private static void PrintVocabulary(List<Variant> variants, int articles)
    {
        AnsiConsole.Write(new Rule("[bold]Queries and their matches[/] (searchArticles totalCount; contains counts substrings too)").LeftJustified());
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Class", "Shape", "Query", "Matches", "Share");
        foreach (Variant variant in variants)
        {
            foreach (WorkloadQuery query in variant.Queries)
            {
                table.AddRow(
                    variant.Frequency.ToString(), Markup.Escape(Variant.ShapeName(variant.Shape)), Markup.Escape(query.Text),
                    Invariant($"{query.Matches:N0}"), Invariant($"{100.0 * query.Matches / articles:F2}%"));
            }
        }

        AnsiConsole.Write(table);
    }

    private static void PrintSummary(
        SearchBenchmarkOptions options, List<Variant> variants, Dictionary<Variant, LatencyStats> cold, Dictionary<Variant, LatencyStats> warm,
        (string Name, LatencyStats Stats)[] statements, string loadBefore, string loadAfter)
    {
        AnsiConsole.Write(new Rule(Invariant($"[bold]Summary: {options.Provider}, {options.Articles:N0} articles, load average {loadBefore} before, {loadAfter} after[/]")).LeftJustified());
        var table = new Table().Border(TableBorder.Rounded).AddColumns(
            "Variant", "matches", "cold n", "cold p50", "cold max", "p50", "p95", "p99", "mean", "contains/search p50", "contains/search p99");
        var verdicts = new List<string>();
        foreach (Variant variant in variants)
        {
            LatencyStats w = warm[variant];
            LatencyStats c = cold[variant];
            LatencyStats baseline = warm[variants.Single(v => v.Frequency == variant.Frequency && v.Shape == Shape.Contains)];
            string matches = Invariant($"{variant.Queries.Min(q => q.Matches):N0}–{variant.Queries.Max(q => q.Matches):N0}");
            table.AddRow(
                Markup.Escape(variant.Name), matches, c.Count.ToString(CultureInfo.InvariantCulture), Ms(c.Median), Ms(c.Max),
                Ms(w.Median), Ms(w.P95), Ms(w.P99), Ms(w.Mean),
                variant.IsSearch ? Invariant($"{baseline.Median / w.Median:F1}x") : "",
                variant.IsSearch ? Invariant($"{baseline.P99 / w.P99:F1}x") : "");
            if (variant.IsSearch && variant.Shape != Shape.OneWordPlain)
            {
                bool p99 = w.P99 < P99TargetMs;
                bool ratio = variant.Shape != Shape.OneWord || baseline.Median / w.Median >= RatioTarget;
                verdicts.Add(Invariant($"{options.Provider} {Markup.Escape(variant.Name)}: p99 [bold]{w.P99:F1} ms[/] (target < {P99TargetMs}) {(p99 ? "[green]met[/]" : "[red]MISSED[/]")}")
                    + (variant.Shape == Shape.OneWord
                        ? Invariant($"; contains/search p50 [bold]{baseline.Median / w.Median:F1}x[/], p99 {baseline.P99 / w.P99:F1}x (target >= {RatioTarget}x) {(ratio ? "[green]met[/]" : "[red]MISSED[/]")}")
                        : ""));
            }
        }

        AnsiConsole.Write(table);

        var share = new Table().Border(TableBorder.Rounded).AddColumns("Class", "1 word p50", "no highlights p50", "highlights' share of p50");
        foreach (Frequency frequency in Enum.GetValues<Frequency>())
        {
            LatencyStats full = warm[variants.Single(v => v.Frequency == frequency && v.Shape == Shape.OneWord)];
            LatencyStats plain = warm[variants.Single(v => v.Frequency == frequency && v.Shape == Shape.OneWordPlain)];
            share.AddRow(frequency.ToString(), Ms(full.Median), Ms(plain.Median), Invariant($"{full.Median - plain.Median:F2} ms ({100 * (full.Median - plain.Median) / full.Median:F0}%)"));
        }

        AnsiConsole.Write(share);
        if (statements.Length > 0)
        {
            var sql = new Table().Border(TableBorder.Rounded).AddColumns("Statement alone (ADO.NET, warm)", "n", "p50", "p99");
            foreach ((string name, LatencyStats s) in statements)
            {
                sql.AddRow(Markup.Escape(name), s.Count.ToString(CultureInfo.InvariantCulture), Ms(s.Median), Ms(s.P99));
            }

            AnsiConsole.Write(sql);
        }

        foreach (string verdict in verdicts)
        {
            AnsiConsole.MarkupLine(verdict);
        }
    }

    internal static string Ms(double value) => Invariant($"{value:F2} ms");

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One run's shared state: the server, the capture hook and the knobs.</summary>
    private sealed class Run(SearchBenchmarkOptions options, BenchDatabase database, BenchServer server, SqlCapture capture)
    {
        private readonly Dictionary<Variant, int> _next = [];

        /// <summary>
        /// The server's first seconds: full rounds of every variant (so each sees the same JIT state) until
        /// <c>--cold-seconds</c> have passed. The first request of all, which pays for the schema and EF model, is shown apart.
        /// </summary>
        public async Task<Dictionary<Variant, LatencyStats>> MeasureColdAsync(List<Variant> variants, double startMs, CancellationToken ct)
        {
            AnsiConsole.Write(new Rule(Invariant($"Cold: the first {options.ColdSeconds} s after start (server start took {startMs:F0} ms)")).LeftJustified());
            var samples = variants.ToDictionary(v => v, _ => new List<double>());
            var clock = Stopwatch.StartNew();
            double? first = null;
            for (int round = 0; round == 0 || clock.Elapsed.TotalSeconds < options.ColdSeconds; round++)
            {
                foreach (int v in Rotation(variants.Count, round))
                {
                    double ms = await RequestAsync(variants[v], ct);
                    first ??= ms;
                    samples[variants[v]].Add(ms);
                }
            }

            AnsiConsole.MarkupLine(Invariant($"First request ({Markup.Escape(variants[0].Name)}): {first:F0} ms; {samples.Values.Sum(s => s.Count)} requests in {clock.Elapsed.TotalSeconds:F0} s."));
            return samples.ToDictionary(s => s.Key, s => LatencyStats.From(s.Value));
        }

        public async Task CountMatchesAsync(List<Variant> variants, CancellationToken ct)
        {
            foreach (Variant variant in variants)
            {
                foreach (WorkloadQuery query in variant.Queries)
                {
                    byte[] body = variant.Shape == Shape.Contains
                        ? BenchServer.Body(SearchWorkload.ContainsCountDocument, new JsonObject { ["w"] = query.Text })
                        : BenchServer.Body(SearchWorkload.SearchCountDocument, new JsonObject { ["q"] = query.Text });
                    JsonNode data = await server.PostAsync(body, ct);
                    query.Matches = (variant.Shape == Shape.Contains ? data["articles"] : data["searchArticles"])!["totalCount"]!.GetValue<int>();
                    if (query.Matches == 0)
                    {
                        throw new InvalidOperationException($"{variant.Name}: '{query.Text}' matches nothing; the vocabulary sample is off.");
                    }
                }
            }
        }

        /// <summary>The SQL of one request per class (a 1-word search with highlights, the baseline) and of the phrase, with their plans.</summary>
        public async Task ExplainAsync(List<Variant> variants, CancellationToken ct)
        {
            foreach (Variant variant in variants.Where(v => v.Shape is Shape.OneWord or Shape.Contains or Shape.Phrase && (v.Shape != Shape.Phrase || v.Frequency == Frequency.Common)))
            {
                WorkloadQuery query = variant.Queries[0];
                IReadOnlyList<CapturedCommand> commands = await capture.Capture(() => server.PostAsync(query.Body, ct));
                var panel = new List<string> { Invariant($"{commands.Count} SQL command(s) for this request ({query.Matches:N0} matches).") };
                foreach (CapturedCommand command in commands)
                {
                    panel.Add("");
                    panel.Add(command.Sql);
                    panel.Add("-- parameters: " + string.Join(", ", command.Parameters.Take(14).Select(p => Invariant($"{p.Name} = {Format(p.Value)}")))
                        + (command.Parameters.Count > 14 ? ", …" : ""));
                    panel.Add(database.Provider == DatabaseProvider.Sqlite ? "-- EXPLAIN QUERY PLAN:" : "-- EXPLAIN (ANALYZE, BUFFERS):");
                    panel.Add(await QueryPlan.ExplainAsync(database, command, ct));
                }

                AnsiConsole.Write(new Panel(new Text(string.Join('\n', panel))).Header(Markup.Escape($"SQL: {variant.Name} '{query.Text}'")).Expand());
            }
        }

        public async Task WarmUpAsync(List<Variant> variants, CancellationToken ct)
        {
            var clock = Stopwatch.StartNew();
            int requests = 0;
            for (int round = 0; clock.Elapsed.TotalSeconds < options.WarmupSeconds; round++)
            {
                foreach (int v in Rotation(variants.Count, round))
                {
                    await RequestAsync(variants[v], ct);
                    requests++;
                }
            }

            AnsiConsole.MarkupLine(Invariant($"Warm-up: {requests} requests in {clock.Elapsed.TotalSeconds:F0} s."));
        }

        /// <summary>
        /// Where a request's time goes: each SQL statement of a 1-word search with highlights, run alone (same SQL,
        /// same values, read to the end), interleaved, per class.
        /// </summary>
        public async Task<(string Name, LatencyStats Stats)[]> MeasureStatementsAsync(List<Variant> variants, CancellationToken ct)
        {
            var statements = new List<(string Name, CapturedCommand Command)>();
            foreach (Variant variant in variants.Where(v => v.Shape is Shape.OneWord or Shape.Contains))
            {
                WorkloadQuery query = variant.Queries[0];
                IReadOnlyList<CapturedCommand> commands = await capture.Capture(() => server.PostAsync(query.Body, ct));
                statements.AddRange(commands.Select(c => ($"{variant.Frequency} '{query.Text}': {Describe(c.Sql)}", c)));
            }

            LatencyStats[] stats = await Interleaved.MeasureAsync(
                [.. statements.Select(s => (Func<CancellationToken, Task<double>>)(token => CapturedCommandTimer.TimeAsync(database, s.Command, token)))],
                warmup: 3, options.StatementIterations, ct);
            return [.. statements.Select((s, i) => (s.Name, stats[i]))];
        }

        public async Task<Dictionary<Variant, LatencyStats>> MeasureWarmAsync(List<Variant> variants, CancellationToken ct)
        {
            AnsiConsole.Write(new Rule(Invariant($"Warm: {options.Iterations} requests per variant, interleaved")).LeftJustified());
            var clock = Stopwatch.StartNew();
            LatencyStats[] stats = await Interleaved.MeasureAsync(
                [.. variants.Select(v => (Func<CancellationToken, Task<double>>)(token => RequestAsync(v, token)))], warmup: 0, options.Iterations, ct);
            AnsiConsole.MarkupLine(Invariant($"Measured in {clock.Elapsed.TotalSeconds:F0} s."));
            return variants.Select((v, i) => (v, stats[i])).ToDictionary(x => x.v, x => x.Item2);
        }

        /// <summary>The variant's next query of its rotation, timed; the answer is checked after the clock stopped.</summary>
        private async Task<double> RequestAsync(Variant variant, CancellationToken ct)
        {
            int next = _next.GetValueOrDefault(variant);
            _next[variant] = next + 1;
            WorkloadQuery query = variant.Queries[next % variant.Queries.Count];
            (double ms, byte[] response) = await server.PostTimedAsync(query.Body, ct);
            JsonNode data = BenchServer.DataOf(response);
            int rows = variant.Shape == Shape.Contains
                ? data["articles"]?["nodes"]?.AsArray().Count ?? -1
                : data["searchArticles"]?["edges"]?.AsArray().Count ?? -1;
            int expected = query.Matches < 0 ? -1 : Math.Min(SearchWorkload.PageSize, query.Matches);
            if (rows < 1 || (expected > 0 && rows != expected))
            {
                throw new InvalidOperationException($"{variant.Name} '{query.Text}': {rows} rows, expected {expected}: {System.Text.Encoding.UTF8.GetString(response)}");
            }

            return ms;
        }

        private static string Describe(string sql) =>
            sql.Contains("highlight(", StringComparison.Ordinal) || sql.Contains("ts_headline", StringComparison.Ordinal) ? "highlights"
            : sql.Contains("MATCH", StringComparison.Ordinal) || sql.Contains("@@", StringComparison.Ordinal) ? "page (match, score, LIMIT)"
            : sql.Contains("LIKE", StringComparison.OrdinalIgnoreCase) || sql.Contains("instr", StringComparison.OrdinalIgnoreCase) || sql.Contains("strpos", StringComparison.OrdinalIgnoreCase) ? "contains page"
            : "articles by id";

        private static IEnumerable<int> Rotation(int count, int round) => Enumerable.Range(0, count).Select(k => (k + round) % count);

        private static string Format(object? value) => value switch
        {
            null => "NULL",
            string s => $"'{s}'",
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }
}
