using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NewsGraph.GraphQL.Ide;

namespace NewsGraph.GraphQL.Tests.Ide;

public sealed class BananaCakePopMiddlewareTests
{
    private static HttpRequestMessage BrowserGet(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        // What Chromium sends when navigating.
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8");
        return request;
    }

    [Fact]
    public async Task Browser_get_of_the_endpoint_redirects_to_the_ide_directory_keeping_the_query_string()
    {
        await using var server = await IdeTestServer.StartAsync();
        using var request = BrowserGet("/graphql?x=1");
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/graphql/?x=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_build_embedded_the_ide_and_its_page_and_files_are_served()
    {
        await using var server = await IdeTestServer.StartAsync();
        Assert.True(new BananaCakePopAssets().IsAvailable, "The build did not embed Banana Cake Pop: was npm available? (tests/run.sh installs it.)");

        using var request = BrowserGet("/graphql/");
        using var page = await server.Client.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Banana Cake Pop</title>", html, StringComparison.Ordinal);

        // Every script the page references is served from below the endpoint, content-hashed and cacheable.
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "src=\"(static/js/[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            using var file = await server.Client.GetAsync($"/graphql/{script}");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("text/javascript", file.Content.Headers.ContentType?.MediaType);
            Assert.Contains("immutable", file.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Configuration_points_the_ide_at_the_endpoint()
    {
        await using var server = await IdeTestServer.StartAsync();
        using var response = await server.Client.GetAsync("/graphql/bcp-config.json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(json.RootElement.GetProperty("useBrowserUrlAsEndpoint").GetBoolean());
        Assert.Equal("/graphql", json.RootElement.GetProperty("endpoint").GetString());
    }

    [Fact]
    public async Task Configuration_switches_the_ides_telemetry_off_and_names_no_analytics_by_default()
    {
        await using var server = await IdeTestServer.StartAsync();
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync("/graphql/bcp-config.json"));

        // The IDE reads these two keys: with them it calls no one but this server, so it works offline.
        Assert.True(json.RootElement.GetProperty("disableTelemetry").GetBoolean());
        Assert.False(json.RootElement.TryGetProperty("gaTrackingId", out _));
    }

    [Fact]
    public async Task Configuration_carries_the_operators_telemetry_and_analytics_choices()
    {
        await using var server = await IdeTestServer.StartAsync(o =>
        {
            o.DisableTelemetry = false;
            o.GaTrackingId = "G-TEST123";
        });
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync("/graphql/bcp-config.json"));

        Assert.False(json.RootElement.GetProperty("disableTelemetry").GetBoolean());
        Assert.Equal("G-TEST123", json.RootElement.GetProperty("gaTrackingId").GetString());
    }

    [Theory]
    [InlineData("G-ABC123", true)]
    [InlineData("UA-1234-5", true)]
    [InlineData("G-1'); alert(1); ('", false)]
    [InlineData("G 1", false)]
    public void Tracking_id_must_be_a_plain_id_because_the_ide_writes_it_into_a_script(string id, bool valid)
    {
        var options = new BananaCakePopOptions { GaTrackingId = id };
        var results = new List<ValidationResult>();

        var ok = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.Equal(valid, ok);
    }

    [Fact]
    public async Task Api_requests_and_unknown_files_are_not_taken_by_the_ide()
    {
        await using var server = await IdeTestServer.StartAsync();

        using var api = new HttpRequestMessage(HttpMethod.Get, "/graphql?query={hello}");
        api.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var apiResponse = await server.Client.SendAsync(api);
        Assert.Equal(HttpStatusCode.OK, apiResponse.StatusCode);
        Assert.Contains("Hello, world!", await apiResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A browser asking for a query gets the result, not the IDE.
        using var browserQuery = BrowserGet("/graphql?query={hello}");
        using var browserQueryResponse = await server.Client.SendAsync(browserQuery);
        Assert.Equal(HttpStatusCode.OK, browserQueryResponse.StatusCode);
        Assert.Equal("application/json", browserQueryResponse.Content.Headers.ContentType?.MediaType);

        using var missing = await server.Client.GetAsync("/graphql/static/js/no-such-file.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Disabled_ide_leaves_browser_requests_to_the_endpoint()
    {
        await using var server = await IdeTestServer.StartAsync(o => o.Enabled = false);
        using var request = BrowserGet("/graphql");
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var config = await server.Client.GetAsync("/graphql/bcp-config.json");
        Assert.Equal(HttpStatusCode.NotFound, config.StatusCode);
    }

    [Fact]
    public async Task Without_embedded_files_the_page_says_how_to_get_the_ide()
    {
        // An assembly without the resources stands for a build that had no npm.
        await using var server = await IdeTestServer.StartAsync(assets: new BananaCakePopAssets(typeof(FactAttribute).Assembly));
        using var request = BrowserGet("/graphql/");
        using var response = await server.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("install <a href=\"https://nodejs.org/\">Node.js</a>", html, StringComparison.Ordinal);
        Assert.Contains("rebuild", html, StringComparison.Ordinal);
    }
}
