using System.Net;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.EndToEnd;

/// <summary><c>GET /graphql?sdl</c>: the printed schema, as a Hot Chocolate server serves it.</summary>
[Collection(SharedServer.Name)]
public sealed class SchemaRequestTests(ServerFixture fixture)
{
    [Fact]
    public async Task Sdl_query_returns_the_printed_schema_as_a_download()
    {
        var server = fixture.Server;
        using var response = await server.Http.GetAsync("/graphql?sdl");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("schema.graphql", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(server.Services.GetRequiredService<ISchema>().Print().TrimEnd('\n') + "\n", body);
    }

    [Fact]
    public async Task Schema_requests_can_be_switched_off()
    {
        await using var server = await NewsGraphServer.StartAsync([new("Http:EnableSchemaRequests", "false")]);
        using var response = await server.Http.GetAsync("/graphql?sdl");

        // Then ?sdl is an ordinary GET without a query.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }
}
