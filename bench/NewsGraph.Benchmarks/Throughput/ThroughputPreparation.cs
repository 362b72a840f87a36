using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace NewsGraph.Benchmarks.Throughput;

/// <summary>
/// Before anything is timed, on servers used for nothing else (one of each kind): finds the article slug and the deep
/// cursor through NewsGraph, then asks every server every workload and fails unless the answers are the same JSON.
/// </summary>
internal sealed class ThroughputPreparation(ThroughputOptions options, HttpClient http, ServerLauncher launcher)
{
    private const int WalkPageSize = 50;

    /// <returns>The checked workloads, or null when an answer differed (all were printed).</returns>
    public async Task<IReadOnlyList<CheckedWorkload>?> PrepareAsync(CancellationToken ct)
    {
        var frontPage = Workloads.FrontPage();
        await using var servers = await launcher.StartAllAsync(frontPage, ct);
        var newsGraph = servers[ServerKind.NewsGraph];

        var front = JsonNode.Parse(await FetchAsync(frontPage.RequestTo(newsGraph), ct))!;
        var slug = options.ArticleSlug ?? front["data"]!["articles"]!["nodes"]![0]!["slug"]!.GetValue<string>();
        var cursor = await WalkAsync(newsGraph, ct);

        Workload[] workloads =
        [
            frontPage,
            Workloads.CategoryPage(options.CategorySlug),
            Workloads.ArticlePage(slug),
            Workloads.DeepPage(options.Depth, cursor),
            Workloads.TitleSearch(options.SearchTerm),
        ];
        var checkedWorkloads = new List<CheckedWorkload>();
        var failed = false;
        foreach (var workload in workloads)
        {
            var answers = new Dictionary<ServerKind, byte[]>();
            foreach (var server in servers.All)
            {
                answers[server.Kind] = await FetchAsync(workload.RequestTo(server), ct);
            }

            var fromNewsGraph = answers[ServerKind.NewsGraph];
            string expected = AnswerComparison.Canonicalize(fromNewsGraph);
            var peers = answers.Where(answer => answer.Key != ServerKind.NewsGraph).ToList();
            var differing = peers.Where(answer => AnswerComparison.Canonicalize(answer.Value) != expected).ToList();
            if (differing.Count > 0)
            {
                failed = true;
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{workload.Name}: the answers differ.[/]");
                AnsiConsole.WriteLine("NewsGraph: " + Encoding.UTF8.GetString(fromNewsGraph));
                foreach (var (kind, answer) in differing)
                {
                    AnsiConsole.WriteLine($"{kind.Label()}: " + Encoding.UTF8.GetString(answer));
                }

                continue;
            }

            string how = string.Join(", ", peers.Select(answer =>
                $"{answer.Key.Label()} {(answer.Value.AsSpan().SequenceEqual(fromNewsGraph) ? "byte for byte" : "as JSON (escaping differs)")}"));
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[green]{workload.Name}[/]: same answer ({how}), {fromNewsGraph.Length:N0} bytes, {Describe(JsonNode.Parse(fromNewsGraph)!)}.");
            checkedWorkloads.Add(new CheckedWorkload(workload, answers.ToDictionary(answer => answer.Key, answer => answer.Value.Length)));
        }

        return failed ? null : checkedWorkloads;
    }

    /// <summary>Walks from the start like a client would; the end cursor after exactly <c>Depth</c> rows.</summary>
    private async Task<string> WalkAsync(ServerUnderTest newsGraph, CancellationToken ct)
    {
        const string Walk = "query Walk($first: Int, $after: String) { articles(first: $first, after: $after) { pageInfo { endCursor } } }";
        string? cursor = null;
        for (int walked = 0; walked < options.Depth;)
        {
            int first = Math.Min(WalkPageSize, options.Depth - walked);
            var page = new Workload("walk", Walk, new JsonObject { ["first"] = first, ["after"] = cursor }, "");
            var answer = JsonNode.Parse(await FetchAsync(page.RequestTo(newsGraph), ct))!;
            cursor = answer["data"]?["articles"]?["pageInfo"]?["endCursor"]?.GetValue<string>()
                ?? throw new InvalidOperationException($"The walk to row {options.Depth:N0} ended after {walked:N0} rows: {answer.ToJsonString()}");
            walked += first;
        }

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Cursor of row {options.Depth:N0}: [grey]{cursor}[/]");
        return cursor!;
    }

    private async Task<byte[]> FetchAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
            }

            return body;
        }
    }

    // A workload that answers no rows (a mistyped slug or search term) would measure nothing worth comparing.
    private static string Describe(JsonNode answer)
    {
        if (answer["errors"] is not null)
        {
            throw new InvalidOperationException("NewsGraph answered with errors: " + answer.ToJsonString());
        }

        var field = answer["data"]!.AsObject().Single().Value;
        if (field is null)
        {
            throw new InvalidOperationException("NewsGraph found nothing: " + answer.ToJsonString());
        }

        return field["nodes"] is JsonArray nodes
            ? nodes.Count > 0 ? $"{nodes.Count} articles" : throw new InvalidOperationException("NewsGraph found no articles: " + answer.ToJsonString())
            : "one article";
    }
}
