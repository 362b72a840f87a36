using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Tests.TestHosting;

namespace NewsGraph.GraphQL.Tests.Http;

public sealed class PostRequestTests(GraphQLTestServerFixture fixture) : IClassFixture<GraphQLTestServerFixture>
{
    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json;charset=\"utf-8\"")]
    public async Task Json_content_types_are_accepted(string contentType)
    {
        var response = await fixture.Client.PostRawAsync("""{"query":"{ hello }"}""", contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, world!", (string?)response.Data!["hello"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/graphql")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("not a content type")]
    public async Task Unsupported_or_missing_content_type_is_415(string? contentType)
    {
        foreach (var accept in new[] { MediaTypes.Json, MediaTypes.GraphQLResponseJson })
        {
            var response = await fixture.Client.PostRawAsync("""{"query":"{ hello }"}""", contentType, accept);

            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
            Assert.Equal("INVALID_CONTENT_TYPE", response.FirstErrorCode);
            Assert.False(response.HasData);
        }

        await fixture.AssertStillServingAsync();
    }

    [Theory]
    [InlineData("", "JSON_INVALID")]
    [InlineData("{ \"not a JSON", "JSON_INVALID")]
    [InlineData("{\"query\":\"{ hello }\"", "JSON_INVALID")]
    [InlineData("null", "JSON_INVALID")]
    [InlineData("\"{ hello }\"", "JSON_INVALID")]
    [InlineData("42", "JSON_INVALID")]
    [InlineData("{\"query\":0}", "JSON_INVALID")]
    [InlineData("{\"query\":false}", "JSON_INVALID")]
    [InlineData("{\"query\":{\"obj\":\"ect\"}}", "JSON_INVALID")]
    [InlineData("{\"query\":[\"array\"]}", "JSON_INVALID")]
    [InlineData("{\"query\":\"{ hello }\",\"operationName\":0}", "JSON_INVALID")]
    [InlineData("{\"query\":\"{ hello }\",\"operationName\":{}}", "JSON_INVALID")]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":\"x\"}", "JSON_INVALID")]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":0}", "JSON_INVALID")]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":false}", "JSON_INVALID")]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":[\"array\"]}", "JSON_INVALID")]
    [InlineData("{\"query\":\"{ hello }\",\"extensions\":\"x\"}", "JSON_INVALID")]
    [InlineData("{\"query\":\"{ hello }\",\"extensions\":[]}", "JSON_INVALID")]
    [InlineData("{}", "QUERY_MISSING")]
    [InlineData("{\"qeury\":\"{ hello }\"}", "QUERY_MISSING")]
    [InlineData("{\"query\":null}", "QUERY_MISSING")]
    [InlineData("{\"query\":\"\"}", "QUERY_MISSING")]
    [InlineData("[]", "BATCH_EMPTY")]
    [InlineData("[1]", "BATCH_INVALID")]
    public async Task Malformed_requests_are_400_with_a_json_error(string body, string expectedCode)
    {
        foreach (var accept in new[] { null, MediaTypes.Json, MediaTypes.GraphQLResponseJson })
        {
            var response = await fixture.Client.PostRawAsync(body, "application/json", accept);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(expectedCode, response.FirstErrorCode);
            Assert.False(response.HasData);
            Assert.False(string.IsNullOrEmpty((string?)response.FirstError["message"]));
        }

        await fixture.AssertStillServingAsync();
    }

    [Fact]
    public async Task A_batch_is_answered_with_a_json_array_in_order()
    {
        using var content = new StringContent("""[{"query":"{ hello }"},{"query":"{ nope }"}]""", System.Text.Encoding.UTF8, "application/json");
        using var response = await fixture.Client.PostAsync(new Uri("/graphql", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(2, results.Count);
        Assert.NotNull(results[0]!["data"]!["hello"]);
        Assert.Null(results[1]!["data"]);
        Assert.NotNull(results[1]!["errors"]);
    }

    [Fact]
    public async Task Null_optional_members_are_fine()
    {
        var response = await fixture.Client.PostRawAsync("""{"query":"{ hello }","operationName":null,"variables":null,"extensions":null}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.HasErrors);
    }

    [Fact]
    public async Task Extensions_object_is_accepted()
    {
        var response = await fixture.Client.PostRawAsync("""{"query":"{ hello }","extensions":{"some":"value"}}""", accept: MediaTypes.GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.HasErrors);
    }

    [Fact]
    public async Task Variables_are_applied()
    {
        var response = await fixture.Client.PostGraphQLAsync(new
        {
            query = "query Add($a: Int!, $b: Int!) { add(a: $a, b: $b) }",
            variables = new { a = 40, b = 2 },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(42, (int)response.Data!["add"]!);
    }

    [Fact]
    public async Task Operation_name_selects_the_operation()
    {
        const string Document = "query A { a: hello(name: \"A\") } query B { b: hello(name: \"B\") }";

        var b = await fixture.Client.PostGraphQLAsync(new { query = Document, operationName = "B" });
        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        Assert.Equal("Hello, B!", (string?)b.Data!["b"]);
        Assert.False(b.Data!.AsObject().ContainsKey("a"));

        var unknown = await fixture.Client.PostGraphQLAsync(new { query = Document, operationName = "C" }, MediaTypes.GraphQLResponseJson);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.False(unknown.HasData);

        var ambiguous = await fixture.Client.PostGraphQLAsync(new { query = Document }, MediaTypes.Json);
        Assert.Equal(HttpStatusCode.OK, ambiguous.StatusCode);
        Assert.True(ambiguous.HasErrors);
        Assert.False(ambiguous.HasData);
    }

    [Fact]
    public async Task Emoji_round_trips_in_utf8()
    {
        const string Text = "Run🏃Swim🏊 — naïve café ✓";

        var echo = await fixture.Client.PostGraphQLAsync(new { query = $"{{ echo(text: \"{Text}\") }}" });
        Assert.Equal(HttpStatusCode.OK, echo.StatusCode);
        Assert.Equal(Text, (string?)echo.Data!["echo"]);

        var viaVariable = await fixture.Client.PostGraphQLAsync(new { query = "query($t: String!) { echo(text: $t) }", variables = new { t = Text } });
        Assert.Equal(Text, (string?)viaVariable.Data!["echo"]);

        // graphql-http audit BF61.
        var type = await fixture.Client.PostRawAsync("""{"query":"{ __type(name: \"Run🏃Swim🏊\") { name } }"}""", "application/json; charset=utf-8");
        Assert.Equal(HttpStatusCode.OK, type.StatusCode);
    }

    [Fact]
    public async Task Mutation_over_post_executes()
    {
        var counter = fixture.Server.Services.GetRequiredService<TestCounter>();
        var before = counter.Value;

        var response = await fixture.Client.PostQueryAsync("mutation { increment }");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, (int)response.Data!["increment"]!);
        Assert.Equal(before + 1, counter.Value);
    }
}
