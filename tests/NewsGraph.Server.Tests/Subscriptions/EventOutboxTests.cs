using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Outbox;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.Mutations;
using NewsGraph.Server.Tests.TestHosting;
using NewsGraph.Server.Tests.Transports;

namespace NewsGraph.Server.Tests.Subscriptions;

/// <summary>
/// Publications go through the event outbox: with Redis down the change still commits and the mutation succeeds, the
/// announcement waits in the database and reaches subscribers when Redis is back — also from another instance when
/// the one that published is gone.
/// </summary>
public sealed class EventOutboxTests
{
    [Fact]
    public async Task A_mutation_while_Redis_is_down_succeeds_and_its_event_arrives_when_Redis_is_back()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var editor = await EditorServer.StartAsync(new Dictionary<string, string>
        {
            ["Redis:Configuration"] = redis.Configuration,
            // Without the outbox, a send that cannot reach Redis in 1 s would fail the mutation after its commit.
            ["Redis:SendTimeout"] = "00:00:01",
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:MaxRetryDelay"] = "00:00:00.500",
        });
        using var client = await TransportClient.ConnectAsync(editor.Server.BaseAddress, "graphql-transport-ws");
        await client.SubscribeAsync("b", "subscription { onBreakingNews { title status } }");
        await editor.Server.WaitForPublicationSubscribersAsync(1);

        await redis.StopAsync();
        var published = await editor.CreateAndPublishAsync("Published while Redis is down", isBreaking: true);
        Assert.Equal("PUBLISHED", (string?)published["status"]);
        Assert.Equal(1, await OutboxCountAsync(editor.Server.Services));

        await redis.StartProcessAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonObject? received = null;
        while (received is null && DateTime.UtcNow < deadline)
        {
            var message = await client.ReceiveAsync(TimeSpan.FromSeconds(30));
            Assert.Null(message["payload"]!["errors"]);
            if ((string?)message["payload"]!["data"]!["onBreakingNews"]!["title"] == "Published while Redis is down")
            {
                received = message;
            }
        }

        Assert.NotNull(received);
        await Wait.UntilAsync(async () => await OutboxCountAsync(editor.Server.Services) == 0, "an empty outbox");
    }

    [Fact]
    public async Task An_event_left_by_an_instance_that_stopped_is_sent_by_another_instance_on_the_same_database()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var database = await NewsTestDatabase.CreateAsync();
        var settings = new Dictionary<string, string>
        {
            ["Redis:Configuration"] = redis.Configuration,
            ["Redis:SendTimeout"] = "00:00:01",
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:LeaseDuration"] = "00:00:02",
            ["Outbox:MaxRetryDelay"] = "00:00:00.500",
        };
        await using var b = await NewsGraphServer.StartAsync(settings, database: database);
        using var onB = await SubscriptionProbe.StartAsync(b.Services, "subscription { onArticlePublished { slug } }");
        var id = await SubscriptionProbe.ArticleIdAsync(b.Services, "draft-festival-preview");

        await using (var a = await NewsGraphServer.StartAsync(settings, database: database))
        {
            await redis.StopAsync();
            await EditorWorkflow.PublishAsync(a.Services, id, isBreaking: false);
            Assert.Equal(1, await OutboxCountAsync(a.Services));
        }

        // A is gone with its claim on the message; B takes it over once the claim expires and Redis is back.
        await redis.StartProcessAsync();
        Assert.Equal("draft-festival-preview", (string?)(await onB.NextArticleAsync("onArticlePublished", TimeSpan.FromSeconds(30)))["slug"]);
        await Wait.UntilAsync(async () => await OutboxCountAsync(b.Services) == 0, "an empty outbox");
    }

    private static async Task<int> OutboxCountAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        return await db.Set<OutboxMessage>().CountAsync();
    }
}
