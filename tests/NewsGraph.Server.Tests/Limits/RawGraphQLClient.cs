using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsGraph.Server.Tests.Limits;

/// <summary>Sends request bodies byte for byte (hostile ones included) and measures how long the answer took.</summary>
internal static class RawGraphQLClient
{
    public static async Task<(HttpStatusCode Status, JsonObject? Body, string Text, TimeSpan Elapsed)> PostAsync(HttpClient http, byte[] body, string contentType = "application/json")
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        var stopwatch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        stopwatch.Stop();
        JsonObject? json = null;
        try
        {
            json = JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return (response.StatusCode, json, text, stopwatch.Elapsed);
    }

    public static Task<(HttpStatusCode Status, JsonObject? Body, string Text, TimeSpan Elapsed)> PostQueryAsync(HttpClient http, string query, JsonNode? variables = null)
    {
        var body = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            body["variables"] = variables;
        }

        return PostAsync(http, Encoding.UTF8.GetBytes(body.ToJsonString()));
    }

    public static string? FirstErrorCode(JsonObject? body) => body?["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

    public static string? FirstErrorMessage(JsonObject? body) => body?["errors"]?[0]?["message"]?.GetValue<string>();
}
