using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsGraph.TestSupport;

/// <summary>A fully read GraphQL-over-HTTP response; its body must be a JSON object in valid UTF-8.</summary>
public sealed class GraphQLResponse
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private HttpResponseHeaders? _headers;
    private HttpContentHeaders? _contentHeaders;

    public GraphQLResponse(HttpStatusCode statusCode, JsonObject body, string text)
    {
        StatusCode = statusCode;
        Body = body;
        Text = text;
    }

    public HttpStatusCode StatusCode { get; }

    public JsonObject Body { get; }

    /// <summary>The body as the server sent it.</summary>
    public string Text { get; }

    /// <summary>The full Content-Type header, e.g. <c>application/json; charset=utf-8</c>.</summary>
    public string? ContentType => _contentHeaders?.ContentType?.ToString();

    public HttpResponseHeaders Headers => _headers ?? throw new InvalidOperationException("This response was not read from HTTP.");

    public HttpContentHeaders ContentHeaders => _contentHeaders ?? throw new InvalidOperationException("This response was not read from HTTP.");

    public JsonNode? Data => Body["data"];

    public JsonArray? Errors => Body["errors"]?.AsArray();

    /// <summary>Whether the body has a <c>data</c> entry (<c>"data": null</c> counts: execution started).</summary>
    public bool HasData => Body.ContainsKey("data");

    public bool HasErrors => Body.ContainsKey("errors");

    public JsonNode FirstError => Errors is [{ } first, ..] ? first : throw new Xunit.Sdk.XunitException($"Expected an error but got: {Text}");

    public string? FirstErrorCode => (string?)FirstError["extensions"]?["code"];

    /// <summary>The data, after asserting that the response carries no errors.</summary>
    public JsonNode SuccessfulData()
    {
        Assert.True(Errors is null, $"Expected no errors but got: {Text}");
        Assert.Equal(HttpStatusCode.OK, StatusCode);
        return Data ?? throw new Xunit.Sdk.XunitException($"No data in {Text}");
    }

    /// <summary>The single error's code, after asserting that there is exactly one error.</summary>
    public string? SingleErrorCode()
    {
        Assert.True(Errors is { Count: 1 }, $"Expected exactly one error but got: {Text}");
        return (string?)Errors![0]!["extensions"]?["code"];
    }

    public static async Task<GraphQLResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var text = StrictUtf8.GetString(bytes);
        JsonObject body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"Response ({(int)response.StatusCode}) is not a JSON object: {text}");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Response ({(int)response.StatusCode}) is not JSON: {text}", ex);
        }

        return new GraphQLResponse(response.StatusCode, body, text) { _headers = response.Headers, _contentHeaders = response.Content.Headers };
    }

    public override string ToString() => $"{(int)StatusCode} {ContentType} {Text}";
}
