using System.Net;
using System.Net.Http.Json;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Transports;

/// <summary>
/// Which media type answers a request, from its Accept header (GraphQL over HTTP, as Hot Chocolate does): a single
/// result in the JSON type the client prefers, q weights honoured, even when it also accepts an event stream; the event
/// stream for subscriptions, and for clients that accept nothing else.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class ResponseNegotiationTests(ServerFixture fixture)
{
    // What urql's default fetchExchange sends with every request.
    private const string UrqlAccept = "application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed";
    private const string Query = "{ articles(first: 1) { nodes { slug } } }";

    [Fact]
    public async Task A_query_from_a_client_that_also_accepts_event_streams_is_answered_as_json()
    {
        using var response = await PostAsync(Query, UrqlAccept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        var body = await GraphQLResponse.ReadAsync(response);
        Assert.Single(body.SuccessfulData()["articles"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task A_validation_error_for_such_a_client_is_a_json_400_not_an_event()
    {
        using var response = await PostAsync("{ articles { noSuchField } }", UrqlAccept);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await GraphQLResponse.ReadAsync(response)).Errors);
    }

    [Fact]
    public async Task A_subscription_from_such_a_client_is_an_event_stream()
    {
        using var response = await PostAsync("subscription { onArticlePublished { slug } }", UrqlAccept, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_client_that_accepts_only_event_streams_gets_a_query_as_one_event()
    {
        using var response = await PostAsync(Query, "text/event-stream");

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("event: next\n", text, StringComparison.Ordinal);
        Assert.Contains("event: complete\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json;q=0.5, application/graphql-response+json;q=0.9", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json;q=0.1, application/json", "application/json")]
    [InlineData("text/event-stream, application/json;q=0.2", "application/json")]
    [InlineData("application/graphql-response+json;q=0, */*", "application/json")]
    public async Task The_json_type_with_the_highest_weight_wins(string accept, string expected)
    {
        using var response = await PostAsync(Query, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    private Task<HttpResponseMessage> PostAsync(string query, string accept, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, GraphQLHttp.Path) { Content = JsonContent.Create(new { query }) };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return fixture.Server.Http.SendAsync(request, completion);
    }
}
