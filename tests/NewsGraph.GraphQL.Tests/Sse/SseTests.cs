using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using NewsGraph.GraphQL.Tests.WebSockets;

namespace NewsGraph.GraphQL.Tests.Sse;

/// <summary>GraphQL over server-sent events (graphql-sse distinct connections mode) read with HttpClient.</summary>
public sealed class SseTests
{
    [Fact]
    public async Task Post_query_gives_next_then_complete()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        using var response = await http.SendAsync(Post("{ hello }"), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("event: next\ndata: {\"data\":{\"hello\":\"world\"}}\n\nevent: complete\ndata:\n\n", body);
    }

    [Fact]
    public async Task Get_subscription_streams_events_with_keep_alive_and_disconnect_disposes_it()
    {
        await using var server = await StreamingTestServer.StartAsync(sse: o => o.KeepAliveInterval = TimeSpan.FromMilliseconds(100));
        using var http = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("subscription { events }"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await server.Events.WaitForSubscribersAsync(1);

        using var reader = new SseReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(":", await reader.ReadCommentOrEventAsync());

        server.Events.Publish("one");
        var next = await reader.ReadEventAsync();
        Assert.Equal("next", next.Event);
        Assert.Equal("one", (string?)JsonNode.Parse(next.Data)!["data"]!["events"]);

        response.Dispose();
        await server.Events.WaitForSubscribersAsync(0);
    }

    [Fact]
    public async Task Stream_completion_ends_the_response()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        using var response = await http.SendAsync(Post("subscription { events }"), HttpCompletionOption.ResponseHeadersRead);
        await server.Events.WaitForSubscribersAsync(1);
        server.Events.Publish("last");
        server.Events.Complete();

        var body = await response.Content.ReadAsStringAsync();
        Assert.EndsWith("event: complete\ndata:\n\n", body, StringComparison.Ordinal);
        Assert.Contains("\"events\":\"last\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_errors_are_a_next_event_with_errors()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        using var response = await http.SendAsync(Post("{ nope }"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("event: next\ndata: {\"errors\":[", body, StringComparison.Ordinal);
        Assert.EndsWith("event: complete\ndata:\n\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutation_over_get_is_refused_and_over_post_executes()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        using var get = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { increment }"));
        get.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var refused = await (await http.SendAsync(get)).Content.ReadAsStringAsync();
        Assert.Contains("\"errors\"", refused, StringComparison.Ordinal);

        var executed = await (await http.SendAsync(Post("mutation { increment }"))).Content.ReadAsStringAsync();
        Assert.Contains("{\"data\":{\"increment\":1}}", executed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_http_requests_get_a_json_4xx()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{not json", Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);

        using var patch = new HttpRequestMessage(HttpMethod.Patch, "/graphql");
        patch.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var notAllowed = await http.SendAsync(patch);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, notAllowed.StatusCode);

        // PUT reserves a single-connection stream, answered with its token as text/plain: not with an event stream.
        using var put = new HttpRequestMessage(HttpMethod.Put, "/graphql");
        put.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var notAcceptable = await http.SendAsync(put);
        Assert.Equal(HttpStatusCode.NotAcceptable, notAcceptable.StatusCode);
    }

    private static HttpRequestMessage Post(string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return request;
    }
}
