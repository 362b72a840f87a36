using System.Net;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.EndToEnd;

/// <summary>CORS on /graphql: browsers of frontends on other origins, preflight included.</summary>
public sealed class CorsTests
{
    private const string Allowed = "https://frontend.example";
    private const string Disallowed = "https://evil.example";

    private static HttpRequestMessage Preflight(string origin, string method = "POST", string headers = "content-type")
    {
        // What a browser sends before POSTing JSON cross-origin.
        var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return request;
    }

    private static HttpRequestMessage Post(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    [Fact]
    public async Task Configured_origin_gets_preflight_and_response_headers_and_others_get_none()
    {
        await using var server = await NewsGraphServer.StartAsync([new("Cors:AllowedOrigins:0", Allowed)]);

        using (var preflight = Preflight(Allowed))
        using (var response = await server.Http.SendAsync(preflight))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.Equal(Allowed, Header(response, "Access-Control-Allow-Origin"));
            Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods") ?? "", StringComparison.Ordinal);
            Assert.Contains("content-type", Header(response, "Access-Control-Allow-Headers") ?? "", StringComparison.OrdinalIgnoreCase);
        }

        // graphql-sse's single connection mode from a browser: PUT reserves a stream, DELETE stops an operation, and
        // both carry the stream token header.
        foreach (var method in new[] { "PUT", "DELETE" })
        {
            using var preflight = Preflight(Allowed, method, "x-graphql-event-stream-token");
            using var response = await server.Http.SendAsync(preflight);
            Assert.Equal(Allowed, Header(response, "Access-Control-Allow-Origin"));
            Assert.Contains(method, Header(response, "Access-Control-Allow-Methods") ?? "", StringComparison.Ordinal);
            Assert.Contains("x-graphql-event-stream-token", Header(response, "Access-Control-Allow-Headers") ?? "", StringComparison.OrdinalIgnoreCase);
        }

        using (var post = Post(Allowed))
        using (var response = await server.Http.SendAsync(post))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Allowed, Header(response, "Access-Control-Allow-Origin"));
        }

        using (var preflight = Preflight(Disallowed))
        using (var response = await server.Http.SendAsync(preflight))
        {
            // The CORS middleware answers every preflight; without Allow-Origin the browser refuses the request.
            Assert.Null(Header(response, "Access-Control-Allow-Origin"));
            Assert.Null(Header(response, "Access-Control-Allow-Methods"));
        }

        using (var post = Post(Disallowed))
        using (var response = await server.Http.SendAsync(post))
        {
            Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        }
    }

    [Fact]
    public async Task Development_default_allows_any_origin_without_credentials()
    {
        // NewsGraphServer runs in the Development environment with no Cors settings.
        await using var server = await NewsGraphServer.StartAsync();

        using var preflight = Preflight(Disallowed);
        using var response = await server.Http.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Production_default_allows_no_origin()
    {
        await using var server = await NewsGraphServer.StartAsync([new("environment", "Production")]);

        using var preflight = Preflight(Allowed);
        using var response = await server.Http.SendAsync(preflight);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        using var post = Post(Allowed);
        using var postResponse = await server.Http.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, postResponse.StatusCode);
        Assert.Null(Header(postResponse, "Access-Control-Allow-Origin"));
    }
}
