using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NewsGraph.GraphQL.Tests.WebSockets;

namespace NewsGraph.GraphQL.Tests.Multipart;

/// <summary>
/// Apollo's multipart HTTP subscriptions, byte for byte, read with HttpClient from a real Kestrel server: the headers,
/// the <c>graphql</c> boundary, payload and heartbeat parts, transport-level errors, the closing delimiter, and which
/// <c>Accept</c> headers get a multipart stream at all.
/// </summary>
public sealed class MultipartSubscriptionTests
{
    /// <summary>What Apollo's router documentation tells clients to send.</summary>
    private const string ApolloDocsAccept = "multipart/mixed;subscriptionSpec=\"1.0\", application/json";

    /// <summary>What Apollo Client 4's HttpLink sends for a subscription.</summary>
    private const string ApolloClientAccept = "multipart/mixed;boundary=graphql;subscriptionSpec=1.0,application/graphql-response+json,application/json;q=0.9";

    private const string ContentType = "multipart/mixed;boundary=\"graphql\";subscriptionSpec=\"1.0\"";
    private const string Part = "\r\ncontent-type: application/json\r\n\r\n";
    private const string Delimiter = "\r\n--graphql";

    private static readonly TimeSpan NoHeartbeat = Timeout.InfiniteTimeSpan;

    [Fact]
    public async Task A_subscription_streams_payload_parts_each_closed_by_the_next_delimiter_and_ends_with_the_closing_one()
    {
        await using var server = await StreamingTestServer.StartAsync(multipart: o => o.HeartbeatInterval = NoHeartbeat);
        using var http = server.CreateHttpClient();
        using var response = await http.SendAsync(Post("subscription { events }", ApolloDocsAccept), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ContentType, RawContentType(response));
        Assert.True(response.Headers.CacheControl?.NoCache);
        await server.Events.WaitForSubscribersAsync(1);
        using var body = new MultipartText(await response.Content.ReadAsStreamAsync());

        // Each part arrives whole, its delimiter right behind it, before the next event exists.
        server.Events.Publish("one");
        Assert.Equal(Delimiter + Part + "{\"payload\":{\"data\":{\"events\":\"one\"}}}" + Delimiter, await body.ReadUntilAsync("\"one\"}}}" + Delimiter));
        server.Events.Publish("two");
        server.Events.Complete();

        Assert.Equal(Part + "{\"payload\":{\"data\":{\"events\":\"two\"}}}" + Delimiter + "--\r\n", await body.ReadToEndAsync());
    }

    [Fact]
    public async Task Heartbeats_are_empty_json_parts_and_a_client_that_goes_away_ends_its_subscription()
    {
        await using var server = await StreamingTestServer.StartAsync(multipart: o => o.HeartbeatInterval = TimeSpan.FromMilliseconds(100));
        using var http = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("subscription { events }"));
        request.Headers.TryAddWithoutValidation("Accept", ApolloClientAccept);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(ContentType, RawContentType(response));
        await server.Events.WaitForSubscribersAsync(1);
        using var body = new MultipartText(await response.Content.ReadAsStreamAsync());

        var idle = await body.ReadUntilAsync(Part + "{}" + Delimiter + Part + "{}" + Delimiter);
        Assert.Equal(Delimiter + Part + "{}" + Delimiter + Part + "{}" + Delimiter, idle);
        server.Events.Publish("one");
        Assert.EndsWith(Part + "{\"payload\":{\"data\":{\"events\":\"one\"}}}" + Delimiter, await body.ReadUntilAsync("\"one\"}}}" + Delimiter), StringComparison.Ordinal);

        response.Dispose();
        await server.Events.WaitForSubscribersAsync(0);
    }

    [Fact]
    public async Task A_failing_stream_is_a_transport_error_part_then_the_closing_delimiter()
    {
        await using var server = await StreamingTestServer.StartAsync(multipart: o => o.HeartbeatInterval = NoHeartbeat);
        using var http = server.CreateHttpClient();
        using var response = await http.SendAsync(Post("subscription { events }", ApolloClientAccept), HttpCompletionOption.ResponseHeadersRead);
        await server.Events.WaitForSubscribersAsync(1);
        server.Events.Fail("source broke");

        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith(Delimiter + Part + "{\"payload\":null,\"errors\":[", text, StringComparison.Ordinal);
        Assert.EndsWith(Delimiter + "--\r\n", text, StringComparison.Ordinal);
        var part = JsonNode.Parse(text[(Delimiter + Part).Length..^(Delimiter + "--\r\n").Length])!.AsObject();
        Assert.Equal(["payload", "errors"], part.Select(p => p.Key));
        Assert.Null(part["payload"]);
        Assert.False(string.IsNullOrEmpty((string?)part["errors"]![0]!["message"]));
    }

    [Theory]
    [InlineData(ApolloDocsAccept, "application/json")]
    [InlineData(ApolloClientAccept, "application/graphql-response+json")]
    public async Task Queries_and_validation_errors_are_plain_json_for_a_client_that_accepts_it(string accept, string json)
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var query = await http.SendAsync(Post("{ hello }", accept));
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Equal(json, query.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{\"data\":{\"hello\":\"world\"}}", await query.Content.ReadAsStringAsync());

        using var invalid = await http.SendAsync(Post("subscription { nope }", accept));
        Assert.Equal(json, invalid.Content.Headers.ContentType?.MediaType);
        Assert.Equal(json == "application/json" ? HttpStatusCode.OK : HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("nope", (string?)JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!["errors"]![0]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_accepts_only_multipart_gets_a_single_result_as_one_payload_part()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var query = await http.SendAsync(Post("{ hello }", "multipart/mixed;subscriptionSpec=1.0"));
        Assert.Equal(ContentType, RawContentType(query));
        Assert.Equal(Delimiter + Part + "{\"payload\":{\"data\":{\"hello\":\"world\"}}}" + Delimiter + "--\r\n", await query.Content.ReadAsStringAsync());

        using var invalid = await http.SendAsync(Post("subscription { nope }", "multipart/mixed;subscriptionSpec=1.0"));
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.StartsWith(Delimiter + Part + "{\"payload\":{\"errors\":[", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("multipart/mixed")]
    [InlineData("multipart/mixed;subscriptionSpec=2.0, application/json")]
    [InlineData("multipart/mixed;deferSpec=20220824, application/json")]
    [InlineData("multipart/mixed;subscriptionSpec=1.0;q=0, application/json")]
    [InlineData("multipart/mixed;subscriptionSpec, application/json")]
    public async Task A_subscription_without_an_acceptable_multipart_spec_is_refused_as_over_plain_http(string accept)
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.SendAsync(Post("subscription { events }", accept));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Equal("SUBSCRIPTION_TRANSPORT_REQUIRED", (string?)error["extensions"]!["code"]);
        Assert.Equal(0, server.Events.SubscriptionCount);
    }

    [Theory]
    [InlineData("multipart/mixed;subscriptionSpec=1.0, text/event-stream", "multipart/mixed")]
    [InlineData("text/event-stream;q=0.5, multipart/mixed;subscriptionSpec=\"1.0\"", "multipart/mixed")]
    [InlineData("text/event-stream, multipart/mixed;subscriptionSpec=1.0", "text/event-stream")]
    [InlineData("application/graphql-response+json, application/json, text/event-stream, multipart/mixed", "text/event-stream")]
    public async Task The_preferred_stream_type_wins(string accept, string expected)
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.SendAsync(Post("subscription { events }", accept), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Mutations_over_get_are_refused_and_malformed_requests_get_a_json_4xx()
    {
        await using var server = await StreamingTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var get = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { increment }"));
        get.Headers.TryAddWithoutValidation("Accept", ApolloClientAccept);
        using var refused = await http.SendAsync(get);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, refused.StatusCode);
        Assert.Equal("POST", refused.Content.Headers.Allow.Single());

        using var malformed = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{not json", Encoding.UTF8, "application/json") };
        malformed.Headers.TryAddWithoutValidation("Accept", "multipart/mixed;subscriptionSpec=1.0");
        using var badRequest = await http.SendAsync(malformed);
        Assert.Equal(HttpStatusCode.BadRequest, badRequest.StatusCode);
        Assert.Equal("application/json", badRequest.Content.Headers.ContentType?.MediaType);

        using var put = new HttpRequestMessage(HttpMethod.Put, "/graphql");
        put.Headers.TryAddWithoutValidation("Accept", ApolloClientAccept);
        using var notAllowed = await http.SendAsync(put);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, notAllowed.StatusCode);
    }

    /// <summary>The header as the server wrote it (HttpClient's parsed value adds spaces).</summary>
    private static string RawContentType(HttpResponseMessage response) => response.Content.Headers.NonValidated["Content-Type"].ToString();

    private static HttpRequestMessage Post(string query, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    /// <summary>A response body read as text, exactly as far as asked.</summary>
    private sealed class MultipartText(Stream body) : IDisposable
    {
        private readonly StringBuilder _pending = new();
        private readonly byte[] _buffer = new byte[4096];
        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();

        /// <summary>Everything up to and including the first <paramref name="marker"/>; what follows it stays for the next read.</summary>
        public async Task<string> ReadUntilAsync(string marker)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            int end;
            while ((end = _pending.ToString().IndexOf(marker, StringComparison.Ordinal)) < 0)
            {
                Assert.True(await ReadAsync(timeout.Token), $"The body ended before '{marker}': {_pending}");
            }

            var text = _pending.ToString(0, end + marker.Length);
            _pending.Remove(0, end + marker.Length);
            return text;
        }

        public async Task<string> ReadToEndAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            while (await ReadAsync(timeout.Token))
            {
            }

            return _pending.ToString();
        }

        public void Dispose() => body.Dispose();

        private async Task<bool> ReadAsync(CancellationToken cancellationToken)
        {
            var read = await body.ReadAsync(_buffer, cancellationToken);
            var chars = new char[Encoding.UTF8.GetMaxCharCount(Math.Max(read, 1))];
            _pending.Append(chars, 0, _decoder.GetChars(_buffer, 0, read, chars, 0, flush: read == 0));
            return read > 0;
        }
    }
}
