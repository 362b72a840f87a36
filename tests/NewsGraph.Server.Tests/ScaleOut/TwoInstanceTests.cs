using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Outbox;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.Mutations;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.ScaleOut;

/// <summary>
/// Two NewsGraph processes on loopback sharing one PostgreSQL database and one redis-server, as a scaled-out
/// deployment runs: what one instance writes the other reads at once, a publication reaches the subscribers of both,
/// and an instance that stops (SIGTERM or SIGKILL) loses no committed change and no event — the other instance's
/// outbox dispatcher sends what the stopped one could not.
/// </summary>
[Trait("Provider", "PostgreSQL")] // several instances need a database server; SQLite is one process's file
public sealed class TwoInstanceTests
{
    /// <summary>Bounds for events that take milliseconds on an idle machine.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_write_through_one_instance_is_read_through_the_other_at_once_and_a_publication_reaches_websocket_and_SSE_subscribers_on_both()
    {
        await using var database = await NewsTestDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        await using var redis = await RedisServer.StartAsync();
        await using var a = await StartInstanceAsync(database, redis, new Dictionary<string, string>());
        await using var b = await StartInstanceAsync(database, redis, new Dictionary<string, string>());

        var created = await Editor.EditAsync(a, "mutation { createAuthor(input: { name: \"Ann Anywhere\" }) { author { id slug } } }");
        var id = (string)created["createAuthor"]!["author"]!["id"]!;
        var slug = (string)created["createAuthor"]!["author"]!["slug"]!;
        Assert.Equal("Ann Anywhere", await AuthorNameAsync(b, slug));

        // B has read the author: a change through A must not be hidden behind anything B keeps.
        await Editor.EditAsync(a, "mutation($id: ID!) { updateAuthor(input: { id: $id, name: \"Ann Elsewhere\" }) { author { name } } }", new { id });
        Assert.Equal("Ann Elsewhere", await AuthorNameAsync(b, slug));

        using var onA = await PublicationFeeds.OpenAsync("A", a);
        using var onB = await PublicationFeeds.OpenAsync("B", b);
        await PublicationFeeds.PrimeAsync([onA, onB], title => Editor.PublishArticleAsync(a, title), Bound);

        var published = await Editor.PublishArticleAsync(a, "Seen on both instances");
        foreach (var feed in onA.All.Concat(onB.All))
        {
            await feed.WaitForAsync(published, Bound);
        }

        // And the other way round: B's publication reaches A's subscribers.
        var fromB = await Editor.PublishArticleAsync(b, "Published through B");
        foreach (var feed in onA.All.Concat(onB.All))
        {
            await feed.WaitForAsync(fromB, Bound);
        }
    }

    [Fact]
    public async Task After_SIGTERM_to_the_instance_holding_unsent_events_the_other_sends_them_at_once_and_serves_its_changes()
    {
        // A lease far beyond the test's bounds: the other instance can only send what the stopped one held because the
        // stopping dispatcher released it. The bus's send gives up within a second, so the holder renews its claim
        // while Redis is down, and pauses between attempts as it would.
        await RunStopScenarioAsync(
            new Dictionary<string, string>
            {
                ["Outbox:LeaseDuration"] = "00:10:00",
                ["Outbox:ShutdownGrace"] = "00:00:01",
                ["Outbox:MaxRetryDelay"] = "00:00:02",
                ["Redis:SendTimeout"] = "00:00:01",
            },
            async holder =>
            {
                holder.Terminate();
                Assert.True(await holder.WaitForExitAsync(Bound) == 0, $"exit code {holder.ExitCode}{holder.Diagnostics()}");
            });
    }

    [Fact]
    public async Task After_kill_9_of_the_instance_holding_unsent_events_the_other_takes_them_over_when_the_lease_expires()
    {
        // A short lease, renewed by the holder while it lives (each failed send gives up after a second, each pause is
        // at most a second): it expires only once the holder is gone.
        await RunStopScenarioAsync(
            new Dictionary<string, string>
            {
                ["Outbox:LeaseDuration"] = "00:00:05",
                ["Outbox:MaxRetryDelay"] = "00:00:01",
                ["Redis:SendTimeout"] = "00:00:01",
            },
            async holder =>
            {
                holder.Kill();
                Assert.NotEqual(0, await holder.WaitForExitAsync(Bound));
            });
    }

    /// <summary>
    /// Redis stops, so a publication through A stays in the outbox, claimed by a dispatcher that keeps retrying: A's,
    /// woken by its own commit (or B's, when its poll came first: then B is the one stopped). That instance is stopped
    /// with <paramref name="stop"/> while Redis is still down, then Redis comes back: the survivor's WebSocket and SSE
    /// subscribers get the event, the outbox ends empty, and the survivor serves the published article.
    /// </summary>
    private static async Task RunStopScenarioAsync(IReadOnlyDictionary<string, string> outboxSettings, Func<ServerProcess, Task> stop)
    {
        await using var database = await NewsTestDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        await using var redis = await RedisServer.StartAsync();
        await using var a = await StartInstanceAsync(database, redis, outboxSettings);
        await using var b = await StartInstanceAsync(database, redis, outboxSettings);
        using var onA = await PublicationFeeds.OpenAsync("A", a);
        using var onB = await PublicationFeeds.OpenAsync("B", b);
        await PublicationFeeds.PrimeAsync([onA, onB], title => Editor.PublishArticleAsync(a, title), Bound);
        await Wait.UntilAsync(async () => (await OutboxAsync(database)).Count == 0, "the primers to leave the outbox", Bound);

        await redis.StopAsync();
        var slug = await Editor.PublishArticleAsync(a, "Published while Redis is down");
        string? claim = null;
        await Wait.UntilAsync(
            async () => (claim = (await OutboxAsync(database)).SingleOrDefault()?.LockedBy) is not null,
            "a dispatcher to claim the publication's event",
            Bound);
        var (holder, survivor, survivorFeeds) = ClaimedBy(claim!, a) ? (a, b, onB) : ClaimedBy(claim!, b) ? (b, a, onA) : throw new Xunit.Sdk.XunitException($"Claimed by neither instance: {claim}");

        await stop(holder);
        // The change committed before the stop; the survivor serves it from the shared database, Redis or not.
        Assert.Equal(slug, await PublishedSlugAsync(survivor, slug));

        await redis.StartProcessAsync();
        await survivorFeeds.WebSocket.WaitForAsync(slug, Bound);
        await survivorFeeds.Sse.WaitForAsync(slug, Bound);
        await Wait.UntilAsync(async () => (await OutboxAsync(database)).Count == 0, "the outbox to be empty", Bound);
    }

    /// <summary>An instance on the shared database and Redis that editors may call.</summary>
    private static Task<ServerProcess> StartInstanceAsync(NewsTestDatabase database, RedisServer redis, IReadOnlyDictionary<string, string> extra)
    {
        var settings = EditorServer.Settings(extra);
        settings["Redis:Configuration"] = redis.Configuration;
        return NewsGraphProcess.StartAsync(database, settings);
    }

    /// <summary>A dispatcher's claim names its process: <c>{machine}/{pid}/{guid}</c>.</summary>
    private static bool ClaimedBy(string claim, ServerProcess server) =>
        claim.Split('/')[^2] == server.Id.ToString(CultureInfo.InvariantCulture);

    private static async Task<List<OutboxMessage>> OutboxAsync(NewsTestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Set<OutboxMessage>().AsNoTracking().ToListAsync();
    }

    private static async Task<string?> AuthorNameAsync(ServerProcess server, string slug) =>
        (string?)(await server.Http.PostJsonAsync(GraphQLHttp.Request("query($slug: String!) { authorBySlug(slug: $slug) { name } }", new { slug })))
            .SuccessfulData()["authorBySlug"]?["name"];

    /// <summary>The article's slug as a reader sees it: null unless it is published.</summary>
    private static async Task<string?> PublishedSlugAsync(ServerProcess server, string slug) =>
        (string?)(await server.Http.PostJsonAsync(GraphQLHttp.Request("query($slug: String!) { articleBySlug(slug: $slug) { slug } }", new { slug })))
            .SuccessfulData()["articleBySlug"]?["slug"];
}
