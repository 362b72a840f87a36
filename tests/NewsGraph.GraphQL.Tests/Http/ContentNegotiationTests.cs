using System.Net;
using NewsGraph.GraphQL.Tests.TestHosting;

namespace NewsGraph.GraphQL.Tests.Http;

public sealed class ContentNegotiationTests(GraphQLTestServerFixture fixture) : IClassFixture<GraphQLTestServerFixture>
{
    [Theory]
    [InlineData(null, MediaTypes.JsonUtf8)]
    [InlineData("*/*", MediaTypes.JsonUtf8)]
    [InlineData("application/*", MediaTypes.JsonUtf8)]
    [InlineData("application/json", MediaTypes.JsonUtf8)]
    [InlineData("application/graphql-response+json", MediaTypes.GraphQLResponseJsonUtf8)]
    [InlineData("application/graphql-response+json; charset=utf-8", MediaTypes.GraphQLResponseJsonUtf8)]
    [InlineData("text/html, application/graphql-response+json", MediaTypes.GraphQLResponseJsonUtf8)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", MediaTypes.GraphQLResponseJsonUtf8)]
    [InlineData("application/json, application/graphql-response+json", MediaTypes.JsonUtf8)]
    [InlineData("text/html", MediaTypes.JsonUtf8)]
    [InlineData("application/xml, image/png", MediaTypes.JsonUtf8)]
    [InlineData("this is not a media type ;;;", MediaTypes.JsonUtf8)]
    public async Task Accept_selects_the_response_media_type(string? accept, string expectedContentType)
    {
        var response = await fixture.Client.PostQueryAsync("{ __typename }", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedContentType, response.ContentType);
        Assert.Equal("Query", (string?)response.Data!["__typename"]);
        Assert.False(response.HasErrors);
    }

    [Fact]
    public async Task Get_negotiates_like_post()
    {
        var response = await fixture.Client.GetGraphQLAsync([new("query", "{ __typename }")], MediaTypes.GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MediaTypes.GraphQLResponseJsonUtf8, response.ContentType);
    }

    [Fact]
    public async Task Event_stream_requests_are_left_to_a_later_transport()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ hello }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await fixture.Client.SendAsync(request);

        // Nothing after this transport in the pipeline yet: the request falls through to a 404.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await fixture.AssertStillServingAsync();
    }
}
