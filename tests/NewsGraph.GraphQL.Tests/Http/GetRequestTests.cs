using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Tests.TestHosting;

namespace NewsGraph.GraphQL.Tests.Http;

public sealed class GetRequestTests(GraphQLTestServerFixture fixture) : IClassFixture<GraphQLTestServerFixture>
{
    [Fact]
    public async Task Plain_get_without_headers_executes_the_query()
    {
        var response = await fixture.Client.GetGraphQLAsync([new("query", "{ __typename hello }")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MediaTypes.JsonUtf8, response.ContentType);
        Assert.Equal("Hello, world!", (string?)response.Data!["hello"]);
    }

    [Fact]
    public async Task Get_reads_variables_operation_name_and_extensions()
    {
        var response = await fixture.Client.GetGraphQLAsync(
            [
                new("query", "query A { hello } query B($a: Int!, $b: Int!) { add(a: $a, b: $b) }"),
                new("operationName", "B"),
                new("variables", """{"a":1,"b":2}"""),
                new("extensions", """{"some":"value"}"""),
            ],
            MediaTypes.GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.HasErrors);
        Assert.Equal(3, (int)response.Data!["add"]!);
    }

    [Fact]
    public async Task Get_round_trips_emoji()
    {
        var response = await fixture.Client.GetGraphQLAsync([new("query", "query($t: String!) { echo(text: $t) }"), new("variables", """{"t":"🏃🏊"}""")]);

        Assert.Equal("🏃🏊", (string?)response.Data!["echo"]);
    }

    [Theory]
    [InlineData("variables", "not json")]
    [InlineData("variables", "\"string\"")]
    [InlineData("variables", "[1]")]
    [InlineData("variables", "0")]
    [InlineData("extensions", "{")]
    [InlineData("extensions", "false")]
    public async Task Get_with_invalid_json_parameter_is_400(string name, string value)
    {
        var response = await fixture.Client.GetGraphQLAsync([new("query", "{ hello }"), new(name, value)], MediaTypes.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("JSON_INVALID", response.FirstErrorCode);
        await fixture.AssertStillServingAsync();
    }

    [Fact]
    public async Task Get_without_query_is_400()
    {
        var response = await fixture.Client.GetGraphQLAsync([]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("QUERY_MISSING", response.FirstErrorCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(MediaTypes.Json)]
    [InlineData(MediaTypes.GraphQLResponseJson)]
    public async Task Mutation_over_get_is_405_with_allow_post_and_changes_nothing(string? accept)
    {
        var counter = fixture.Server.Services.GetRequiredService<TestCounter>();
        var before = counter.Value;

        var response = await fixture.Client.GetGraphQLAsync([new("query", "mutation { increment }")], accept);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(", ", response.ContentHeaders.Allow));
        Assert.Equal("HTTP_METHOD_NOT_ALLOWED", response.FirstErrorCode);
        Assert.False(response.HasData);
        Assert.Equal(before, counter.Value);
        await fixture.AssertStillServingAsync();
    }

    [Fact]
    public async Task Get_selecting_the_query_of_a_document_with_a_mutation_is_allowed()
    {
        var response = await fixture.Client.GetGraphQLAsync([new("query", "query Q { hello } mutation M { increment }"), new("operationName", "Q")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, world!", (string?)response.Data!["hello"]);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    public async Task Other_methods_are_405_with_allow_get_post(string method)
    {
        var response = await fixture.Client.SendGraphQLAsync(new HttpMethod(method), [new("query", "{ hello }")]);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.ContentHeaders.Allow.Order(StringComparer.Ordinal));
        Assert.Equal("HTTP_METHOD_NOT_ALLOWED", response.FirstErrorCode);
        await fixture.AssertStillServingAsync();
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Subscription_over_plain_http_is_400_with_a_clear_error(string method)
    {
        var response = method == "GET"
            ? await fixture.Client.GetGraphQLAsync([new("query", "subscription { ticks }")])
            : await fixture.Client.PostQueryAsync("subscription { ticks }");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("SUBSCRIPTION_TRANSPORT_REQUIRED", response.FirstErrorCode);
        Assert.Contains("Subscriptions require a WebSocket, text/event-stream or multipart/mixed;subscriptionSpec=1.0 transport", (string?)response.FirstError["message"], StringComparison.Ordinal);
        Assert.False(response.HasData);
        await fixture.AssertStillServingAsync();
    }
}
