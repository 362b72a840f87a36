using System.Net;
using NewsGraph.GraphQL.Tests.TestHosting;

namespace NewsGraph.GraphQL.Tests.Http;

/// <summary>GraphQL-over-HTTP status codes: legacy application/json is always 200, graphql-response+json is 400 before execution.</summary>
public sealed class StatusCodeTests(GraphQLTestServerFixture fixture) : IClassFixture<GraphQLTestServerFixture>
{
    public static TheoryData<string, string> DocumentFailures => new()
    {
        { "parse", """{"query":"{"}""" },
        { "validation", """{"query":"{ 8f31403dfe404bccbb0e835f2629c6a7 }"}""" },
        { "unknown field", """{"query":"{ nope }"}""" },
        { "variable coercion", """{"query":"query CoerceFailure($id: ID!){ __typename }","variables":{"id":null}}""" },
        { "variable type", """{"query":"query($a: Int!, $b: Int!){ add(a: $a, b: $b) }","variables":{"a":"x","b":1}}""" },
    };

    [Theory]
    [MemberData(nameof(DocumentFailures))]
    public async Task Document_errors_with_application_json_are_200_without_data(string kind, string body)
    {
        var response = await fixture.Client.PostRawAsync(body, accept: MediaTypes.Json);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{kind}: {response}");
        Assert.Equal(MediaTypes.JsonUtf8, response.ContentType);
        Assert.True(response.HasErrors);
        Assert.False(response.HasData);
    }

    [Theory]
    [MemberData(nameof(DocumentFailures))]
    public async Task Document_errors_with_graphql_response_json_are_400_without_data(string kind, string body)
    {
        var response = await fixture.Client.PostRawAsync(body, accept: MediaTypes.GraphQLResponseJson);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{kind}: {response}");
        Assert.Equal(MediaTypes.GraphQLResponseJsonUtf8, response.ContentType);
        Assert.True(response.HasErrors);
        Assert.False(response.HasData);
        await fixture.AssertStillServingAsync();
    }

    [Theory]
    [InlineData(MediaTypes.Json)]
    [InlineData(MediaTypes.GraphQLResponseJson)]
    public async Task Partial_errors_with_data_are_200(string accept)
    {
        var response = await fixture.Client.PostQueryAsync("{ hello fail }", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, world!", (string?)response.Data!["hello"]);
        Assert.True(response.Data!.AsObject().TryGetPropertyValue("fail", out var fail) && fail is null, response.Text);
        var error = response.FirstError;
        Assert.Equal("fail", (string?)error["path"]![0]);

        // Resolver exception messages are masked unless exposed.
        Assert.DoesNotContain("resolver failure", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Successful_query_has_no_errors_property()
    {
        var response = await fixture.Client.PostGraphQLAsync(new { query = "query Query { __typename }", operationName = "Query" }, MediaTypes.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.HasErrors);
    }
}
