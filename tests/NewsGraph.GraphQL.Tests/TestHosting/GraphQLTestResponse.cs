using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace NewsGraph.GraphQL.Tests.TestHosting;

/// <summary>A fully read HTTP response whose body was parsed as JSON (every transport response must be JSON).</summary>
public sealed class GraphQLTestResponse
{
    private GraphQLTestResponse(HttpStatusCode statusCode, string? contentType, HttpResponseHeaders headers, HttpContentHeaders contentHeaders, string body, JsonElement json)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Headers = headers;
        ContentHeaders = contentHeaders;
        Body = body;
        Json = json;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The full Content-Type header, e.g. <c>application/json; charset=utf-8</c>.</summary>
    public string? ContentType { get; }

    public HttpResponseHeaders Headers { get; }

    public HttpContentHeaders ContentHeaders { get; }

    public string Body { get; }

    public JsonElement Json { get; }

    public bool HasData => Json.TryGetProperty("data", out _);

    public bool HasErrors => Json.TryGetProperty("errors", out _);

    public JsonElement Data => Json.GetProperty("data");

    public JsonElement FirstError => Json.GetProperty("errors")[0];

    public string? FirstErrorCode
        => FirstError.TryGetProperty("extensions", out var ext) && ext.TryGetProperty("code", out var code) ? code.GetString() : null;

    public static async Task<GraphQLTestResponse> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        // Decoding strictly proves the body is valid UTF-8.
        var body = new System.Text.UTF8Encoding(false, true).GetString(bytes);
        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Response ({(int)response.StatusCode}) is not JSON: {body}", ex);
        }

        return new GraphQLTestResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), response.Headers, response.Content.Headers, body, json);
    }

    public override string ToString() => $"{(int)StatusCode} {ContentType} {Body}";
}
