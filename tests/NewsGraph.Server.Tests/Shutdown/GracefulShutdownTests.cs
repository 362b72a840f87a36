using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using NewsGraph.Server.Tests.Mutations;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Shutdown;

/// <summary>
/// SIGTERM to a real server process with real clients connected: subscribers are told to go elsewhere (WebSocket
/// close 1001, the SSE stream ends, the multipart stream ends with a transport-level error), a request the server is
/// working on is still answered, and the process exits 0.
/// </summary>
public sealed class GracefulShutdownTests
{
    private const string Subscription = "subscription { onArticlePublished { slug } }";

    /// <summary>Bounds for events that take milliseconds on an idle machine.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task On_SIGTERM_subscribers_are_sent_away_an_in_flight_request_is_answered_and_the_process_exits_0()
    {
        var databasePath = SqliteFiles.NewPath("shutdown");
        try
        {
            await using var server = await NewsGraphProcess.StartAsync(databasePath, EditorServer.Settings());

            using var transportWs = await GraphQLWebSocketClient.ConnectAndInitAsync(server.BaseAddress, GraphQLWebSocketClient.TransportWs);
            using var legacyWs = await GraphQLWebSocketClient.ConnectAndInitAsync(server.BaseAddress, GraphQLWebSocketClient.LegacyWs);
            await transportWs.SubscribeAsync("published", Subscription);
            await legacyWs.SubscribeAsync("published", Subscription);
            using var sseClient = new HttpClient { BaseAddress = server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
            using var sse = await OpenStreamAsync(sseClient, Subscription, "text/event-stream");
            using var multipartClient = new HttpClient { BaseAddress = server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
            using var multipart = await OpenStreamAsync(multipartClient, Subscription, "multipart/mixed;subscriptionSpec=1.0, application/json");
            using var singleSse = await OpenSingleConnectionStreamAsync(sseClient, Subscription);

            // Every subscription is live: an article published now reaches all five.
            var slug = await PublishArticleAsync(server.Http, "Shutdown drill");
            Assert.Equal(slug, (string?)(await transportWs.ReceiveResultAsync("published", Bound))["data"]!["onArticlePublished"]!["slug"]);
            Assert.Equal(slug, (string?)(await legacyWs.ReceiveResultAsync("published", Bound))["data"]!["onArticlePublished"]!["slug"]);
            var sseBody = await sse.Content.ReadAsStreamAsync();
            var firstEvents = await ReadUntilAsync(sseBody, "\n\n", Bound);
            Assert.Contains("event: next", firstEvents, StringComparison.Ordinal);
            Assert.Contains(slug, firstEvents, StringComparison.Ordinal);
            var multipartBody = await multipart.Content.ReadAsStreamAsync();
            var firstParts = await ReadUntilAsync(multipartBody, slug + "\"}}}}\r\n--graphql", Bound);
            var singleSseBody = await singleSse.Content.ReadAsStreamAsync();
            var firstSingleEvents = await ReadUntilAsync(singleSseBody, "}\n\n", Bound);
            Assert.Contains("event: next\ndata: {\"id\":\"published\"", firstSingleEvents, StringComparison.Ordinal);
            Assert.Contains(slug, firstSingleEvents, StringComparison.Ordinal);

            // A request the server is reading when SIGTERM arrives: its body is held back until the server has stopped
            // accepting connections, so only a graceful drain can answer it.
            var held = new HeldBodyContent(GraphQLHttp.Request("{ articles(first: 3) { nodes { slug } } }").ToJsonString());
            using var slowClient = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = server.BaseAddress,
                Timeout = Timeout.InfiniteTimeSpan,
            };
            var slowRequest = new HttpRequestMessage(HttpMethod.Post, GraphQLHttp.Path) { Content = held };
            slowRequest.Headers.ExpectContinue = true;
            held.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var slowResponse = slowClient.SendAsync(slowRequest);
            await Wait.ForAsync(held.Requested, "the server to ask for the held request body", Bound);

            server.Terminate();

            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await ReceiveGoingAwayAsync(transportWs));
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await ReceiveGoingAwayAsync(legacyWs));

            // The stream ends (the chunked body is terminated, no abort) and says nothing more: no complete, which
            // would tell the client its subscription is over instead of to open it again elsewhere.
            var rest = await ReadToEndAsync(sseBody, Bound);
            Assert.DoesNotContain("event: complete", rest, StringComparison.Ordinal);
            Assert.DoesNotContain("event: next", rest, StringComparison.Ordinal);
            // The same for single connection mode: no complete for its operation, so graphql-sse's client reconnects.
            var singleRest = await ReadToEndAsync(singleSseBody, Bound);
            Assert.DoesNotContain("event: complete", singleRest, StringComparison.Ordinal);
            Assert.DoesNotContain("event: next", singleRest, StringComparison.Ordinal);

            // The multipart stream says why it ends, as a transport-level error (Apollo's clients surface it, RetryLink
            // subscribes again), and closes the body properly; no result came after the first.
            var parts = firstParts + await ReadToEndAsync(multipartBody, Bound);
            Assert.EndsWith(
                "{\"payload\":null,\"errors\":[{\"message\":\"The server is shutting down; subscribe again.\",\"extensions\":{\"code\":\"SUBSCRIPTION_SERVER_SHUTDOWN\"}}]}\r\n--graphql--\r\n",
                parts,
                StringComparison.Ordinal);
            Assert.Equal(2, parts.Split("\"payload\":{").Length);

            await Wait.UntilAsync(() => RefusesConnectionsAsync(server.BaseAddress), "the server to stop accepting connections", Bound);
            held.Release();
            using var answered = await Wait.ForAsync(slowResponse, "the answer to the in-flight request", Bound);
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            var body = JsonNode.Parse(await answered.Content.ReadAsStringAsync())!;
            Assert.Equal(3, body["data"]!["articles"]!["nodes"]!.AsArray().Count);

            Assert.True(await server.WaitForExitAsync(Bound) == 0, $"exit code {server.ExitCode}{server.Diagnostics()}");
        }
        finally
        {
            SqliteFiles.Delete(databasePath);
        }
    }

    /// <summary>Reads up to the close frame (results queued before it may come first), answers it, returns its status.</summary>
    private static async Task<WebSocketCloseStatus?> ReceiveGoingAwayAsync(GraphQLWebSocketClient client)
    {
        while (await client.ReceiveOrEndAsync(Bound) is { } message)
        {
            // Whatever still comes is a keep-alive; an operation's end (complete / error) would stop its resubscription.
            Assert.True((string?)message["type"] is "ping" or "pong" or "ka", $"Unexpected before the close: {message.ToJsonString()}");
        }

        Assert.Equal("Server shutting down", client.CloseDescription);
        await client.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        return client.CloseStatus;
    }

    private static async Task<HttpResponseMessage> OpenStreamAsync(HttpClient client, string query, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, GraphQLHttp.Path)
        {
            Content = new StringContent(GraphQLHttp.Request(query).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        // The headers come once the subscription is made (the server subscribes before it starts the response).
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    /// <summary>graphql-sse's single connection mode: reserve, open the event stream, start the subscription on it.</summary>
    private static async Task<HttpResponseMessage> OpenSingleConnectionStreamAsync(HttpClient client, string query)
    {
        using var reserved = await client.PutAsync(GraphQLHttp.Path, content: null);
        Assert.Equal(HttpStatusCode.Created, reserved.StatusCode);
        var token = await reserved.Content.ReadAsStringAsync();

        using var open = new HttpRequestMessage(HttpMethod.Get, GraphQLHttp.Path);
        open.Headers.Accept.ParseAdd("text/event-stream");
        open.Headers.Add("x-graphql-event-stream-token", token);
        var stream = await client.SendAsync(open, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);

        var body = GraphQLHttp.Request(query);
        body["extensions"] = new JsonObject { ["operationId"] = "published" };
        using var start = new HttpRequestMessage(HttpMethod.Post, GraphQLHttp.Path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        start.Headers.Add("x-graphql-event-stream-token", token);
        // 202 once the subscription is made.
        using var started = await client.SendAsync(start);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return stream;
    }

    /// <summary>Creates and publishes an article as the editor; its slug.</summary>
    private static async Task<string> PublishArticleAsync(HttpClient http, string title)
    {
        async Task<JsonNode> EditAsync(string query, object? variables = null) =>
            (await http.PostJsonAsync(GraphQLHttp.Request(query, variables), configure: r => r.Headers.Add("X-Api-Key", EditorServer.ApiKey)))
            .SuccessfulData();

        var ids = await EditAsync("{ authors(first: 1) { nodes { id } } categories(first: 1) { nodes { id } } }");
        var created = (await EditAsync(
            "mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id version slug } } }",
            new { input = new { title, body = "Everyone out.", authorId = (string)ids["authors"]!["nodes"]![0]!["id"]!, categoryId = (string)ids["categories"]!["nodes"]![0]!["id"]! } }))
            ["createArticle"]!["article"]!;
        var published = await EditAsync(
            "mutation($input: PublishArticleInput!) { publishArticle(input: $input) { article { slug } errors { __typename } } }",
            new { input = new { id = (string)created["id"]!, version = (int)created["version"]! } });
        Assert.True(published["publishArticle"]!["errors"] is null, published.ToJsonString());
        return (string)created["slug"]!;
    }

    private static async Task<string> ReadUntilAsync(Stream body, string marker, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var text = new StringBuilder();
        var buffer = new byte[4096];
        while (!text.ToString().Contains(marker, StringComparison.Ordinal))
        {
            var read = await body.ReadAsync(buffer, cancel.Token);
            Assert.True(read > 0, $"The stream ended before '{marker}': {text}");
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    /// <summary>Everything up to the end of the body; an aborted response throws instead.</summary>
    private static async Task<string> ReadToEndAsync(Stream body, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var reader = new StreamReader(body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancel.Token);
    }

    private static async Task<bool> RefusesConnectionsAsync(Uri address)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(address.Host, address.Port);
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
