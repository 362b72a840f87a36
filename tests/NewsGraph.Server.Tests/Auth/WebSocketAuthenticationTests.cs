using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Subscriptions;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.Filtering;
using NewsGraph.Server.Tests.Subscriptions;
using NewsGraph.Server.Tests.TestHosting;
using NewsGraph.Server.Tests.Transports;

namespace NewsGraph.Server.Tests.Auth;

/// <summary>
/// WebSocket connections authenticate through the connection_init payload (or the upgrade request's headers):
/// a bad credential closes with 4403; a good one gets the editor's view, including draft updates on subscriptions.
/// </summary>
public sealed class WebSocketAuthenticationTests(WebSocketAuthenticationTests.Fixture fixture) : IClassFixture<WebSocketAuthenticationTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        private NewsGraphServer? _server;

        public NewsGraphServer Server => _server!;

        public async Task InitializeAsync() => _server = await NewsGraphServer.StartAsync(TestCredentials.Settings);

        public async Task DisposeAsync() => await _server!.DisposeAsync();
    }

    public static TheoryData<string, string> BadInitPayloads => new()
    {
        { "graphql-transport-ws", """{ "apiKey": "wrong" }""" },
        { "graphql-ws", """{ "apiKey": "wrong" }""" },
        { "graphql-transport-ws", """{ "apiKey": "" }""" },
        { "graphql-transport-ws", """{ "apiKey": 42 }""" },
        { "graphql-transport-ws", """{ "authorization": "Bearer not.a.jwt" }""" },
        { "graphql-transport-ws", """{ "Authorization": "ApiKey wrong" }""" },
        { "graphql-ws", """{ "authorization": "Basic dXNlcjpwYXNz" }""" },
    };

    public static TheoryData<string, string> GoodInitPayloads => new()
    {
        { "graphql-transport-ws", "apiKey" },
        { "graphql-ws", "apiKey" },
        { "graphql-transport-ws", "bearer" },
        { "graphql-ws", "bearer" },
        { "graphql-transport-ws", "authorization-apikey" },
    };

    [Theory]
    [MemberData(nameof(BadInitPayloads))]
    public async Task A_bad_credential_in_connection_init_closes_with_4403(string subProtocol, string payload)
    {
        using var client = await GraphQLWebSocketClient.ConnectAsync(LoopbackServer.WebSocketUri(fixture.Server.BaseAddress), [subProtocol]);
        await client.SendAsync(new JsonObject { ["type"] = "connection_init", ["payload"] = JsonNode.Parse(payload) });

        var sawAck = false;
        while (await client.ReceiveOrEndAsync() is { } message)
        {
            sawAck |= (string?)message["type"] == "connection_ack";
        }

        Assert.False(sawAck);
        Assert.Equal(4403, (int?)client.CloseStatus);
    }

    [Fact]
    public async Task A_bad_key_on_the_upgrade_request_is_401()
    {
        var refused = await Assert.ThrowsAsync<WebSocketUpgradeRefusedException>(() => GraphQLWebSocketClient.ConnectAsync(
            LoopbackServer.WebSocketUri(fixture.Server.BaseAddress), ["graphql-transport-ws"], new Dictionary<string, string> { ["X-Api-Key"] = "wrong" }));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [MemberData(nameof(GoodInitPayloads))]
    public async Task A_good_credential_in_connection_init_sees_drafts(string subProtocol, string kind)
    {
        var payload = kind switch
        {
            "apiKey" => new JsonObject { ["apiKey"] = TestCredentials.EditorKey },
            "bearer" => new JsonObject { ["authorization"] = "Bearer " + TestCredentials.EditorJwt() },
            _ => new JsonObject { ["authorization"] = "ApiKey " + TestCredentials.EditorKey },
        };
        var draft = await DraftAsync();

        using var editor = await TransportClient.ConnectAsync(fixture.Server.BaseAddress, subProtocol, payload);
        Assert.Equal(draft.Slug, await ArticleBySlugAsync(editor, draft.Slug));

        using var reader = await TransportClient.ConnectAsync(fixture.Server.BaseAddress, subProtocol);
        Assert.Null(await ArticleBySlugAsync(reader, draft.Slug));
    }

    [Fact]
    public async Task Without_a_payload_the_upgrade_request_headers_authenticate()
    {
        var draft = await DraftAsync();
        using var editor = await TransportClient.ConnectAsync(
            fixture.Server.BaseAddress, "graphql-transport-ws", headers: new Dictionary<string, string> { ["X-Api-Key"] = TestCredentials.EditorKey });
        Assert.Equal(draft.Slug, await ArticleBySlugAsync(editor, draft.Slug));
    }

    [Theory]
    [InlineData("graphql-transport-ws")]
    [InlineData("graphql-ws")]
    public async Task Updates_of_a_draft_reach_editors_and_never_readers(string subProtocol)
    {
        var draft = await DraftAsync();
        var subscription = $$"""subscription { onArticleUpdated(id: "{{NodeId.Encode("Article", draft.Id)}}") { id title status } }""";
        using var editor = await TransportClient.ConnectAsync(fixture.Server.BaseAddress, subProtocol, new JsonObject { ["apiKey"] = TestCredentials.EditorKey });
        using var jwtEditor = await TransportClient.ConnectAsync(
            fixture.Server.BaseAddress, subProtocol, new JsonObject { ["authorization"] = "Bearer " + TestCredentials.EditorJwt() });
        using var reader = await TransportClient.ConnectAsync(fixture.Server.BaseAddress, subProtocol);
        await editor.SubscribeAsync("1", subscription);
        await jwtEditor.SubscribeAsync("1", subscription);
        await reader.SubscribeAsync("1", subscription);
        // All three receive updates before the update is sent (the reader's stream drops drafts).
        await fixture.Server.WaitForUpdateSubscribersAsync(3);

        var title = $"Still a draft ({subProtocol})";
        // The workflow announces changes of published articles only; an update event naming a draft comes from another
        // system (README: publishing from other systems), and the feed must hand it to editors only.
        await EditorWorkflow.RetitleAsync(fixture.Server.Services, draft.Id, title);
        await fixture.Server.Services.GetRequiredService<ITopicEventSender>()
            .SendAsync(ArticleEvents.UpdatedTopic, new ArticleUpdated(draft.Id, false, DateTime.UtcNow));

        foreach (var client in new[] { editor, jwtEditor })
        {
            var article = (await client.ReceiveResultAsync("1"))["data"]!["onArticleUpdated"]!;
            // (The slug of a draft follows its title.)
            Assert.Equal(NodeId.Encode("Article", draft.Id), (string?)article["id"]);
            Assert.Equal(title, (string?)article["title"]);
            Assert.Equal("DRAFT", (string?)article["status"]);
        }

        Assert.True(await reader.IsQuietAsync(TimeSpan.FromMilliseconds(700)));
    }

    private async Task<Article> DraftAsync() =>
        (await Catalogue.AllArticlesAsync(fixture.Server)).First(a => a.Status == ArticleStatus.Draft);

    private static async Task<string?> ArticleBySlugAsync(GraphQLWebSocketClient client, string slug)
    {
        await client.SubscribeAsync("q", "query ($s: String!) { articleBySlug(slug: $s) { slug } }", new JsonObject { ["s"] = slug });
        var result = await client.ReceiveResultAsync("q");
        Assert.Null(result["errors"]);
        var article = result["data"]!["articleBySlug"];
        // graphql-transport-ws then sends `complete`; the legacy protocol too.
        await client.ReceiveAsync();
        return (string?)article?["slug"];
    }
}
