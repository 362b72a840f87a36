using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Tests.Filtering;
using NewsGraph.Server.Tests.Subscriptions;
using NewsGraph.Server.Tests.TestHosting;
using Xunit.Abstractions;

namespace NewsGraph.Server.Tests.EndToEnd;

/// <summary>
/// Apollo Client 4 (the real npm package) with its HttpLink alone, no WebSocket link, against a real server: HttpLink
/// subscribes over Apollo's multipart HTTP protocol, receives publications as they happen, and gets a bad subscription's
/// GraphQL errors; unsubscribing closes the request, which ends the subscription on the server.
/// </summary>
public sealed class ApolloClientSubscriptionTests(ITestOutputHelper output)
{
    private const string ResultPrefix = "RESULT ";

    [Fact]
    public async Task HttpLink_alone_receives_publications_and_unsubscribing_ends_the_subscription_on_the_server()
    {
        await using var server = await NewsGraphServer.StartAsync();
        var articles = (await Catalogue.PublishedArticlesAsync(server)).Take(2).ToList();
        var run = RunAsync(server, "subscription { onArticlePublished { id title } }", count: 2);
        await Wait.UntilAsync(
            () => run.IsCompleted || server.Services.GetRequiredService<ArticleEventsFeed>().PublishedSubscriberCount == 1,
            "Apollo Client's subscription", TimeSpan.FromSeconds(30));

        foreach (var article in articles)
        {
            await EditorWorkflow.PublishAsync(server.Services, article.Id, isBreaking: false);
        }

        var results = Results(await run);
        Assert.Equal(articles.Select(a => a.Title), results.Select(r => (string?)r["data"]!["onArticlePublished"]!["title"]));
        Assert.All(results, r => Assert.Null(r["error"]));
        await server.WaitForPublicationSubscribersAsync(0);
    }

    [Fact]
    public async Task A_bad_subscription_reaches_HttpLink_as_graphql_errors()
    {
        await using var server = await NewsGraphServer.StartAsync();

        var result = Assert.Single(Results(await RunAsync(server, "subscription { onArticlePublished { noSuchField } }", count: 1)));

        Assert.Null(result["data"]);
        Assert.Equal("CombinedGraphQLErrors", (string?)result["error"]!["name"]);
        Assert.Contains("noSuchField", (string?)result["error"]!["messages"]![0], StringComparison.Ordinal);
    }

    private static Task<NodeScript.Result> RunAsync(NewsGraphServer server, string query, int count)
    {
        var url = new Uri(server.BaseAddress, "/graphql").ToString();
        return NodeScript.RunAsync(
            "apollo-subscribe.mjs",
            ["--url", url, "--query", query, "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--timeout", "30000"],
            TimeSpan.FromMinutes(1));
    }

    private List<JsonNode> Results(NodeScript.Result run)
    {
        output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, $"apollo-subscribe.mjs exited with {run.ExitCode}:\n{run.Output}");
        return [.. run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal))
            .Select(l => JsonNode.Parse(l[ResultPrefix.Length..])!)];
    }
}
