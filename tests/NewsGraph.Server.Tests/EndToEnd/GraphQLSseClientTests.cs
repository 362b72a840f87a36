using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Tests.Subscriptions;
using NewsGraph.Server.Tests.TestHosting;
using Xunit.Abstractions;

namespace NewsGraph.Server.Tests.EndToEnd;

/// <summary>
/// The npm graphql-sse client (2.6.1) in both of its modes, on its own and as urql's (6.0.3) subscriptionExchange
/// transport, against a real server: two subscriptions get a publication, a query runs over the event stream (with urql
/// also over its default fetchExchange), and in single connection mode all of it shares one reserved stream.
/// </summary>
public sealed class GraphQLSseClientTests(ITestOutputHelper output)
{
    private const string Query = """{ articleBySlug(slug: "chinas-xi-jinping-visits-russia") { title author { name } } }""";

    public static TheoryData<string, string> Clients => new()
    {
        { "graphql-sse", "single" },
        { "graphql-sse", "distinct" },
        { "urql", "single" },
        { "urql", "distinct" },
    };

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task Subscriptions_and_a_query_over_graphql_sse(string client, string mode)
    {
        await using var server = await NewsGraphServer.StartAsync();
        var article = (await server.PostAsync("{ articles(first: 1) { nodes { id title } } }")).Body["data"]!["articles"]!["nodes"]![0]!;
        var feed = server.Services.GetRequiredService<ArticleEventsFeed>();

        var url = new Uri(server.BaseAddress, "/graphql").ToString();
        var run = NodeScript.RunAsync("sse-client.mjs", ["--url", url, "--mode", mode, "--client", client, "--query", Query, "--timeout", "30000"], TimeSpan.FromMinutes(1));
        // Node takes a while to start; a script that ended early (an error) is reported below with its output.
        await Wait.UntilAsync(() => run.IsCompleted || feed.PublishedSubscriberCount == 2, "the client's two subscriptions", TimeSpan.FromSeconds(40));
        await EditorWorkflow.PublishAsync(server.Services, ArticleId((string)article["id"]!), isBreaking: false);

        var result = await run;
        output.WriteLine(result.Output);
        Assert.True(result.ExitCode == 0, result.Output);
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal("William Willis", (string?)Result(lines, "query")["data"]!["articleBySlug"]!["author"]!["name"]);
        if (client == "urql")
        {
            Assert.Equal("William Willis", (string?)Result(lines, "query-fetch")["data"]!["articleBySlug"]!["author"]!["name"]);
        }

        Assert.Equal((string?)article["title"], (string?)Result(lines, "published")["data"]!["onArticlePublished"]!["title"]);
        var withId = Result(lines, "published-with-id")["data"]!["onArticlePublished"]!;
        Assert.Equal((string?)article["id"], (string?)withId["id"]);
        Assert.Equal((string?)article["title"], (string?)withId["title"]);

        var requests = JsonNode.Parse(lines.Single(l => l.StartsWith("REQUESTS ", StringComparison.Ordinal))["REQUESTS ".Length..])!.AsArray()
            .Select(r => (Method: (string)r!["method"]!, Accept: (string?)r["accept"], Status: (int?)r["status"])).ToList();
        var eventStreams = requests.Where(r => r.Accept == "text/event-stream").ToList();
        if (mode == "single")
        {
            // One reservation, one event stream, each operation a POST (202) on it, each subscription stopped by a DELETE (200).
            Assert.Equal([201], requests.Where(r => r.Method == "PUT").Select(r => r.Status));
            Assert.Equal([("GET", (int?)200)], eventStreams.Select(r => (r.Method, r.Status)));
            Assert.Equal([202, 202, 202], requests.Where(r => r.Method == "POST").Select(r => r.Status));
            // urql also stops the query once it has its result, often before its complete arrives: the server has ended
            // it by then, and stopping an operation that ended is no error.
            var stops = requests.Where(r => r.Method == "DELETE").ToList();
            Assert.InRange(stops.Count, 2, client == "urql" ? 3 : 2);
            Assert.All(stops, r => Assert.Equal(200, r.Status));
        }
        else
        {
            // An event stream per operation, nothing else.
            Assert.Equal(3, eventStreams.Count);
            Assert.All(requests, r => Assert.Equal(("POST", "text/event-stream", (int?)200), (r.Method, r.Accept, r.Status)));
        }

        // Stopped by the client either way: the server lets go of both subscriptions.
        await server.WaitForPublicationSubscribersAsync(0);
    }

    private static JsonNode Result(List<string> lines, string name)
    {
        var prefix = $"RESULT {name} ";
        var line = lines.Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
        var result = JsonNode.Parse(line[prefix.Length..])!;
        Assert.Null(result["errors"]);
        return result;
    }

    private static int ArticleId(string globalId)
    {
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(globalId));
        return int.Parse(text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
