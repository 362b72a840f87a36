using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Webhooks;
using NewsGraph.Server.Tests.EndToEnd;

namespace NewsGraph.Server.Tests.Webhooks;

/// <summary>Webhook delivery end to end: a real server, real article mutations, real HTTP receivers.</summary>
public sealed class WebhookDeliveryTests
{
    private const string AllEvents = "ARTICLE_PUBLISHED ARTICLE_UPDATED ARTICLE_UNPUBLISHED ARTICLE_ARCHIVED ARTICLE_DELETED";

    [Fact]
    public async Task A_receiver_that_verifies_signatures_and_fails_the_first_attempts_gets_every_event_once_in_order_per_article()
    {
        await using var server = await WebhookServer.StartAsync();
        var port = WebhookServer.FreePort();
        // The Node receiver (tests/e2e/webhook-receiver.mjs) verifies with the README's function and answers 503 twice per
        // delivery, four times to an article's first: its next events are due first, and must wait.
        const int Expected = 9;
        var receiver = NodeScript.RunAsync("webhook-receiver.mjs", [port.ToString(System.Globalization.CultureInfo.InvariantCulture), WebhookServer.Secret, $"{Expected}", "2", "4", "60000"], TimeSpan.FromSeconds(90));
        await Wait.UntilAsync(() => Accepts(port), "the Node receiver to listen");

        var created = await server.CreateWebhookAsync($"http://127.0.0.1:{port}/hooks/news", AllEvents.Split(' '));
        Assert.Null(created["errors"]);
        Assert.Equal(5, created["webhook"]!["events"]!.AsArray().Count);

        // Three articles, nine events; what each article went through, in order.
        var expected = new Dictionary<string, List<string>>();
        void Happened(JsonNode article, string type)
        {
            var id = (string)article["id"]!;
            if (!expected.TryGetValue(id, out var list))
            {
                expected[id] = list = [];
            }

            list.Add(type);
        }

        var a = await server.CreateDraftAsync("Webhook story A");
        var b = await server.CreateDraftAsync("Webhook story B");
        var c = await server.CreateDraftAsync("Webhook story C");
        a = await server.ArticleAsync("publishArticle", new { id = (string)a["id"]!, version = (int)a["version"]! });
        Happened(a, "ARTICLE_PUBLISHED");
        b = await server.ArticleAsync("publishArticle", new { id = (string)b["id"]!, version = (int)b["version"]! });
        Happened(b, "ARTICLE_PUBLISHED");
        a = await server.ArticleAsync("updateArticle", new { id = (string)a["id"]!, version = (int)a["version"]!, title = "Webhook story A, corrected" });
        Happened(a, "ARTICLE_UPDATED");
        c = await server.ArticleAsync("publishArticle", new { id = (string)c["id"]!, version = (int)c["version"]! });
        Happened(c, "ARTICLE_PUBLISHED");
        a = await server.ArticleAsync("unpublishArticle", new { id = (string)a["id"]!, version = (int)a["version"]! });
        Happened(a, "ARTICLE_UNPUBLISHED");
        b = await server.ArticleAsync("archiveArticle", new { id = (string)b["id"]!, version = (int)b["version"]! });
        Happened(b, "ARTICLE_ARCHIVED");
        a = await server.ArticleAsync("publishArticle", new { id = (string)a["id"]!, version = (int)a["version"]! });
        Happened(a, "ARTICLE_PUBLISHED");
        c = await server.ArticleAsync("deleteArticle", new { id = (string)c["id"]!, version = (int)c["version"]! });
        Happened(c, "ARTICLE_DELETED");
        a = await server.ArticleAsync("updateArticle", new { id = (string)a["id"]!, version = (int)a["version"]!, summary = "Now with a summary." });
        Happened(a, "ARTICLE_UPDATED");

        // A change that fails (a stale version) announces nothing: the deliveries are written in its transaction.
        var stale = await server.AsEditorAsync(
            "mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { errors { __typename } } }",
            new { input = new { id = (string)a["id"]!, version = 1, title = "Lost update" } });
        Assert.Equal("ConcurrencyConflictError", (string?)stale.SuccessfulData()["updateArticle"]!["errors"]![0]!["__typename"]);

        var result = await receiver;
        Assert.True(result.ExitCode == 0, result.Output);
        var report = JsonNode.Parse(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(line => line.StartsWith('{')))!;
        Assert.Empty(report["problems"]!.AsArray());

        // Every event once as accepted, in order per article; on the wire an id came again only as the retries of a 503.
        var firstOfArticle = report["firstOfArticle"]!.AsObject().Select(pair => (string)pair.Value!).ToHashSet();
        int AttemptsOf(string id) => firstOfArticle.Contains(id) ? 5 : 3;
        var accepted = report["accepted"]!.AsArray();
        Assert.Equal(Expected, accepted.Count);
        Assert.Equal(Expected, accepted.Select(e => (string)e!["id"]!).Distinct().Count());
        foreach (var (article, types) in expected)
        {
            Assert.Equal(types, accepted.Where(e => (string?)e!["article"] == article).Select(e => (string)e!["type"]!).ToList());
        }

        Assert.All(report["arrivals"]!.AsObject(), arrival => Assert.Equal(AttemptsOf(arrival.Key), (int)arrival.Value!));
        Assert.All(accepted, e => Assert.StartsWith("http://localhost:5000/articles/webhook-story-", (string)e!["url"]!, StringComparison.Ordinal));

        // The delivery log: the same ids, each SUCCEEDED after its attempts, the last failure kept.
        var log = (await server.WebhooksWithDeliveriesAsync()).Single()!["deliveries"]!["nodes"]!.AsArray();
        Assert.Equal(accepted.Select(e => (string)e!["id"]!).Order(), log.Select(d => (string)d!["id"]!).Order());
        Assert.All(log, d =>
        {
            Assert.Equal("SUCCEEDED", (string?)d!["status"]);
            Assert.Equal(AttemptsOf((string)d["id"]!), (int)d["attempts"]!);
            Assert.Equal(204, (int)d["responseStatusCode"]!);
            Assert.Equal("HTTP 503 Service Unavailable: busy, try later", (string?)d["lastError"]);
            Assert.NotNull(d["lastAttemptAt"]);
            Assert.Null(d["nextAttemptAt"]);
        });
        Assert.Equal(Expected, await server.DatabaseAsync(db => db.Set<WebhookDelivery>().CountAsync()));
    }

    [Fact]
    public async Task A_slow_endpoint_delays_neither_publishing_nor_another_endpoints_deliveries()
    {
        await using var server = await WebhookServer.StartAsync(settings:
        [
            new("Webhooks:AttemptTimeout", "00:00:04"),
            new("Webhooks:LeaseDuration", "00:00:08"),
        ]);
        await using var slow = await TestReceiver.StartAsync(hang: true);
        await using var fast = await TestReceiver.StartAsync(hang: false);
        Assert.Null((await server.CreateWebhookAsync(slow.Url, ["ARTICLE_PUBLISHED"]))["errors"]);
        Assert.Null((await server.CreateWebhookAsync(fast.Url, ["ARTICLE_PUBLISHED"]))["errors"]);

        var drafts = new List<JsonNode>();
        for (var i = 0; i < 3; i++)
        {
            drafts.Add(await server.CreateDraftAsync($"Slow endpoint story {i}"));
        }

        var publishing = System.Diagnostics.Stopwatch.StartNew();
        foreach (var draft in drafts)
        {
            await server.ArticleAsync("publishArticle", new { id = (string)draft["id"]!, version = (int)draft["version"]! });
        }

        // Had the mutations waited for the hanging endpoint, they would have taken its 4 s timeout each.
        Assert.True(publishing.Elapsed < TimeSpan.FromSeconds(4), $"Publishing took {publishing.Elapsed}.");

        // The other endpoint has all three (verified) while the slow one still holds its first request.
        await Wait.UntilAsync(() => fast.Accepted.Count == 3, "the fast endpoint's three events", TimeSpan.FromSeconds(3.5));
        Assert.Equal(1, slow.Started);
        Assert.Equal(0, slow.Finished);
        Assert.Empty(fast.BadSignatures);

        // The slow endpoint's attempt times out and is logged as such; its other deliveries go on meanwhile.
        await Wait.UntilAsync(async () => (await server.WebhooksWithDeliveriesAsync())
            .Single(w => (string?)w!["url"] == slow.Url)!["deliveries"]!["nodes"]!.AsArray()
            .Any(d => ((string?)d!["lastError"])?.StartsWith("No response within 4 s", StringComparison.Ordinal) == true), "the slow endpoint's timeout in its log");
    }

    [Fact]
    public async Task The_address_is_checked_again_when_connecting_so_a_host_that_now_resolves_to_loopback_is_refused()
    {
        // The default: no loopback, no private networks. A webhook whose host resolved to a public address when it was
        // registered and to loopback now (DNS rebinding) is stood in for by a row written past the registration check.
        await using var server = await WebhookServer.StartAsync(allowHttpLoopback: false, settings:
        [
            new("Webhooks:AttemptTimeout", "00:00:01"),
            new("Webhooks:LeaseDuration", "00:00:02"),
        ]);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await server.DatabaseAsync(async db =>
        {
            db.Add(new WebhookEndpoint { Url = $"https://127.0.0.1:{port}/hook", Events = "ARTICLE_PUBLISHED", Secret = WebhookServer.Secret, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        var draft = await server.CreateDraftAsync("Rebinding story");
        await server.ArticleAsync("publishArticle", new { id = (string)draft["id"]!, version = (int)draft["version"]! });

        await Wait.UntilAsync(async () => await server.DatabaseAsync(db => db.Set<WebhookDelivery>().AnyAsync(d => d.Attempts >= 2)), "two refused attempts");
        var delivery = await server.DatabaseAsync(db => db.Set<WebhookDelivery>().SingleAsync());
        Assert.Contains("127.0.0.1, which webhooks may not call", delivery.LastError, StringComparison.Ordinal);
        Assert.Null(delivery.ResponseStatusCode);
        Assert.False(listener.Pending(), "Something connected to the loopback listener.");
    }

    private static async Task<bool> Accepts(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
