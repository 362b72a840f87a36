using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Tests.WebSockets;

namespace NewsGraph.GraphQL.Tests.Sse;

/// <summary>
/// graphql-sse's single connection mode spoken with HttpClient, request by request: reservation, event stream,
/// operations multiplexed by id, stops, and every protocol error with its status code.
/// </summary>
public sealed class SseSingleConnectionTests
{
    private const string TokenHeader = "x-graphql-event-stream-token";

    [Fact]
    public async Task A_query_and_a_subscription_share_one_stream_each_by_its_id()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        var token = await ReserveAsync(http);
        using var stream = await OpenAsync(http, token);

        await StartAcceptedAsync(http, token, "subscription { events }", "s");

        await server.Events.WaitForSubscribersAsync(1);
        await StartAcceptedAsync(http, token, "{ hello }", "q");

        var next = await stream.Reader.ReadEventAsync();
        Assert.Equal("next", next.Event);
        Assert.Equal("""{"id":"q","payload":{"data":{"hello":"world"}}}""", next.Data);
        Assert.Equal(("complete", """{"id":"q"}"""), await stream.Reader.ReadEventAsync());

        server.Events.Publish("one");
        var published = JsonNode.Parse((await stream.Reader.ReadEventAsync()).Data)!;
        Assert.Equal("s", (string?)published["id"]);
        Assert.Equal("one", (string?)published["payload"]!["data"]!["events"]);

        // The client stops the subscription: the server lets go of it, and the stream goes on for others.
        using (var stopped = await StopAsync(http, token, "/graphql?operationId=s"))
        {
            Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        }

        await server.Events.WaitForSubscribersAsync(0);
        await StartAcceptedAsync(http, token, "{ hello }", "s");

        Assert.Equal("""{"id":"s","payload":{"data":{"hello":"world"}}}""", (await stream.Reader.ReadEventAsync()).Data);
    }

    [Fact]
    public async Task Results_of_operations_started_before_the_stream_opens_wait_for_it()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        var token = await ReserveAsync(http);
        await StartAcceptedAsync(http, token, "{ hello }", "early");

        using var stream = await OpenAsync(http, token);
        Assert.Equal("""{"id":"early","payload":{"data":{"hello":"world"}}}""", (await stream.Reader.ReadEventAsync()).Data);
        Assert.Equal(("complete", """{"id":"early"}"""), await stream.Reader.ReadEventAsync());
    }

    [Fact]
    public async Task The_token_is_the_servers_random_one_and_travels_in_the_header_or_the_query()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        using var put = new HttpRequestMessage(HttpMethod.Put, "/graphql") { Headers = { { TokenHeader, "chosen-by-the-client" } } };
        using var reserved = await http.SendAsync(put);
        Assert.Equal(HttpStatusCode.Created, reserved.StatusCode);
        Assert.Equal("text/plain", reserved.Content.Headers.ContentType?.MediaType);
        var token = await reserved.Content.ReadAsStringAsync();
        Assert.NotEqual("chosen-by-the-client", token);
        // 256 bits, base64url.
        Assert.Equal(43, token.Length);
        Assert.NotEqual(token, await ReserveAsync(http));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?token=" + token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_second_event_stream_for_a_token_is_409_and_the_first_goes_on()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        var token = await ReserveAsync(http);
        using var stream = await OpenAsync(http, token);

        using var second = await SendOpenAsync(http, token);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("SSE_STREAM_ALREADY_OPEN", await ErrorCodeAsync(second));

        using var started = await StartAsync(http, token, "{ hello }", "q");
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("next", (await stream.Reader.ReadEventAsync()).Event);
    }

    [Fact]
    public async Task An_unknown_token_is_404_for_every_request()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        const string unknown = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        using var open = await SendOpenAsync(http, unknown);
        using var start = await StartAsync(http, unknown, "{ hello }", "q");
        using var stop = await StopAsync(http, unknown, "/graphql?operationId=q");

        foreach (var response in new[] { open, start, stop })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("SSE_STREAM_NOT_FOUND", await ErrorCodeAsync(response));
        }
    }

    [Fact]
    public async Task A_missing_or_duplicate_operation_id_is_refused_and_changes_nothing()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        var token = await ReserveAsync(http);
        using var stream = await OpenAsync(http, token);
        await StartAcceptedAsync(http, token, "subscription { events }", "s");

        await server.Events.WaitForSubscribersAsync(1);

        using var missing = await StartAsync(http, token, "{ hello }", operationId: null);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("SSE_OPERATION_ID_MISSING", await ErrorCodeAsync(missing));

        using var duplicate = await StartAsync(http, token, "{ hello }", "s");
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("SSE_OPERATION_ID_IN_USE", await ErrorCodeAsync(duplicate));

        using var notAString = await PostAsync(http, token, """{"query":"{ hello }","extensions":{"operationId":7}}""");
        Assert.Equal(HttpStatusCode.BadRequest, notAString.StatusCode);

        using var badJson = await PostAsync(http, token, """{"query": "{ hello }", "extensions": {"operationId": "x" """);
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal("JSON_INVALID", await ErrorCodeAsync(badJson));

        using var stopWithoutId = await StopAsync(http, token, "/graphql");
        Assert.Equal(HttpStatusCode.BadRequest, stopWithoutId.StatusCode);
        Assert.Equal("SSE_OPERATION_ID_MISSING", await ErrorCodeAsync(stopWithoutId));

        // Stopping an operation the stream does not run is no error (it may have just completed) and stops nothing else.
        using var stopUnknown = await StopAsync(http, token, "/graphql?operationId=nope");
        Assert.Equal(HttpStatusCode.OK, stopUnknown.StatusCode);

        // None of it touched the subscription: its next event is the first thing on the stream.
        Assert.Equal(1, server.Events.SubscriberCount);
        server.Events.Publish("still here");
        var next = JsonNode.Parse((await stream.Reader.ReadEventAsync()).Data)!;
        Assert.Equal("s", (string?)next["id"]);
        Assert.Equal("still here", (string?)next["payload"]!["data"]!["events"]);
    }

    [Fact]
    public async Task A_batch_on_a_token_is_refused_whole_and_without_one_it_is_plain_http_batching()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        var token = await ReserveAsync(http);
        using var stream = await OpenAsync(http, token);
        const string Batch = """[{"query":"mutation { increment }","extensions":{"operationId":"a"}},{"query":"mutation { increment }","extensions":{"operationId":"b"}}]""";

        // Each operation on a stream needs its own id and answer: a JSON array is no operation of it, and none of it runs.
        using var refused = await PostAsync(http, token, Batch);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("SSE_BATCH_NOT_SUPPORTED", await ErrorCodeAsync(refused));
        Assert.Equal(0, server.Services.GetRequiredService<MutationCounter>().Value);

        // Nothing came on the stream for it: the next event is the next operation's.
        await StartAcceptedAsync(http, token, "{ hello }", "q");
        Assert.Equal("""{"id":"q","payload":{"data":{"hello":"world"}}}""", (await stream.Reader.ReadEventAsync()).Data);

        // Without the token the same POST is the HTTP transport's batch, answered with a JSON array.
        using var batch = await http.PostAsync("/graphql", new StringContent(Batch, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        var results = JsonNode.Parse(await batch.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal([1, 2], results.Select(r => (int)r!["data"]!["increment"]!).Order());
        Assert.Equal(2, server.Services.GetRequiredService<MutationCounter>().Value);
    }

    [Fact]
    public async Task GraphQL_errors_before_execution_come_on_the_stream_for_their_id()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        var token = await ReserveAsync(http);
        using var stream = await OpenAsync(http, token);

        using var started = await StartAsync(http, token, "{ nope }", "bad");
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var next = JsonNode.Parse((await stream.Reader.ReadEventAsync()).Data)!;
        Assert.Equal("bad", (string?)next["id"]);
        Assert.Contains("nope", (string?)next["payload"]!["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal(("complete", """{"id":"bad"}"""), await stream.Reader.ReadEventAsync());
    }

    [Fact]
    public async Task An_unopened_reservation_expires()
    {
        await using var server = await StreamingTestServer.StartAsync(sse: o => o.ReservationTimeout = TimeSpan.FromMilliseconds(300));
        using var http = server.CreateHttpClient();
        var opened = await ReserveAsync(http);
        using var stream = await OpenAsync(http, opened);
        var unused = await ReserveAsync(http);
        await StartAcceptedAsync(http, unused, "subscription { events }", "s");

        await server.Events.WaitForSubscribersAsync(1);
        await Task.Delay(TimeSpan.FromMilliseconds(900));

        // The reservation and its subscription are gone; the stream that was opened in time is not.
        await server.Events.WaitForSubscribersAsync(0);
        using var late = await SendOpenAsync(http, unused);
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        using var onOpened = await StartAsync(http, opened, "{ hello }", "q");
        Assert.Equal(HttpStatusCode.Accepted, onOpened.StatusCode);
        Assert.Equal("next", (await stream.Reader.ReadEventAsync()).Event);
    }

    [Fact]
    public async Task Reservations_waiting_to_be_opened_are_bounded()
    {
        await using var server = await StreamingTestServer.StartAsync(sse: o => o.MaxReservations = 1);
        using var http = server.CreateHttpClient();
        var first = await ReserveAsync(http);

        using var refused = await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/graphql"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("SSE_RESERVATION_REFUSED", await ErrorCodeAsync(refused));

        // Once the first is opened it no longer waits: another reservation is taken.
        using var stream = await OpenAsync(http, first);
        Assert.False(string.IsNullOrEmpty(await ReserveAsync(http)));
    }

    [Fact]
    public async Task One_operation_more_than_a_stream_may_run_is_refused_for_its_id_alone()
    {
        await using var server = await StreamingTestServer.StartAsync(sse: o => o.MaxOperationsPerStream = 1);
        using var http = server.CreateHttpClient();
        var token = await ReserveAsync(http);
        using var stream = await OpenAsync(http, token);
        await StartAcceptedAsync(http, token, "subscription { events }", "a");

        await StartAcceptedAsync(http, token, "subscription { events }", "b");

        var refused = JsonNode.Parse((await stream.Reader.ReadEventAsync()).Data)!;
        Assert.Equal("b", (string?)refused["id"]);
        Assert.Equal("MAX_OPERATIONS_PER_CONNECTION_EXCEEDED", (string?)refused["payload"]!["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(("complete", """{"id":"b"}"""), await stream.Reader.ReadEventAsync());

        await server.Events.WaitForSubscribersAsync(1);
        server.Events.Publish("for a");
        Assert.Equal("a", (string?)JsonNode.Parse((await stream.Reader.ReadEventAsync()).Data)!["id"]);
    }

    [Fact]
    public async Task A_stream_that_never_opens_cannot_hold_more_than_its_queue()
    {
        await using var server = await StreamingTestServer.StartAsync(sse: o => o.SendQueueCapacity = 4);
        using var http = server.CreateHttpClient();
        var token = await ReserveAsync(http);
        await StartAcceptedAsync(http, token, "subscription { events }", "s");

        await server.Events.WaitForSubscribersAsync(1);
        for (var i = 0; i < 10; i++)
        {
            server.Events.Publish($"event {i}");
        }

        // The queue overflowed: the reservation was dropped with its subscription.
        await server.Events.WaitForSubscribersAsync(0);
        using var open = await SendOpenAsync(http, token);
        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
    }

    [Fact]
    public async Task When_the_event_stream_ends_its_operations_end_and_the_token_is_forgotten()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        var token = await ReserveAsync(http);
        var stream = await OpenAsync(http, token);
        await StartAcceptedAsync(http, token, "subscription { events }", "s");

        await server.Events.WaitForSubscribersAsync(1);
        stream.Dispose();

        await server.Events.WaitForSubscribersAsync(0);
        await WaitUntilAsync(async () =>
        {
            using var start = await StartAsync(http, token, "{ hello }", "q");
            return start.StatusCode == HttpStatusCode.NotFound;
        });
    }

    [Fact]
    public async Task The_token_belongs_to_the_user_who_reserved_it()
    {
        await using var server = await StreamingTestServer.StartAsync(configureApp: app => app.Use((context, next) =>
        {
            // A stand-in for authentication: the user named in a test header.
            if (context.Request.Headers["X-Test-User"].ToString() is { Length: > 0 } name)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "test"));
            }

            return next(context);
        }));
        using var http = server.CreateHttpClient();
        using var put = new HttpRequestMessage(HttpMethod.Put, "/graphql") { Headers = { { "X-Test-User", "alice" } } };
        using var reserved = await http.SendAsync(put);
        var token = await reserved.Content.ReadAsStringAsync();

        using var open = await SendOpenAsync(http, token, user: "mallory");
        Assert.Equal(HttpStatusCode.Forbidden, open.StatusCode);
        Assert.Equal("SSE_STREAM_FORBIDDEN", await ErrorCodeAsync(open));
        using var anonymous = await SendOpenAsync(http, token);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);

        // Alice's requests work, and her operations run as her.
        using var response = await SendOpenAsync(http, token, user: "alice");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync());
        using var foreign = await StartAsync(http, token, "{ userName }", "u", user: "mallory");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        using var own = await StartAsync(http, token, "{ userName }", "u", user: "alice");
        Assert.Equal(HttpStatusCode.Accepted, own.StatusCode);
        Assert.Equal("""{"id":"u","payload":{"data":{"userName":"alice"}}}""", (await reader.ReadEventAsync()).Data);
    }

    [Fact]
    public async Task Methods_other_than_get_post_put_and_delete_are_405_on_a_token()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        var token = await ReserveAsync(http);
        using var patch = await http.SendAsync(new HttpRequestMessage(HttpMethod.Patch, "/graphql") { Headers = { { TokenHeader, token } } });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, patch.StatusCode);
        Assert.Equal("GET, POST, PUT, DELETE", patch.Content.Headers.Allow.Count > 0 ? string.Join(", ", patch.Content.Headers.Allow) : string.Join(", ", patch.Headers.GetValues("Allow")));
    }

    private static async Task<string> ReserveAsync(HttpClient http)
    {
        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/graphql"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static Task<HttpResponseMessage> SendOpenAsync(HttpClient http, string token, string? user = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql") { Headers = { { TokenHeader, token } } };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (user is not null)
        {
            request.Headers.Add("X-Test-User", user);
        }

        return http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private static async Task<OpenStream> OpenAsync(HttpClient http, string token)
    {
        var response = await SendOpenAsync(http, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new OpenStream(response, new SseReader(await response.Content.ReadAsStreamAsync()));
    }

    private static Task<HttpResponseMessage> StopAsync(HttpClient http, string token, string pathAndQuery)
        => http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, pathAndQuery) { Headers = { { TokenHeader, token } } });

    private static async Task StartAcceptedAsync(HttpClient http, string token, string query, string operationId)
    {
        using var started = await StartAsync(http, token, query, operationId);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
    }

    private static Task<HttpResponseMessage> StartAsync(HttpClient http, string token, string query, string? operationId, string? user = null)
    {
        var body = new JsonObject { ["query"] = query };
        if (operationId is not null)
        {
            body["extensions"] = new JsonObject { ["operationId"] = operationId };
        }

        return PostAsync(http, token, body.ToJsonString(), user);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string token, string json, string? user = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
            Headers = { { TokenHeader, token } },
        };
        if (user is not null)
        {
            request.Headers.Add("X-Test-User", user);
        }

        return http.SendAsync(request);
    }

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
        => (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]!["code"];

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The condition did not become true within 5 s.");
    }

    private sealed class OpenStream(HttpResponseMessage response, SseReader reader) : IDisposable
    {
        public SseReader Reader { get; } = reader;

        public void Dispose()
        {
            Reader.Dispose();
            response.Dispose();
        }
    }
}
