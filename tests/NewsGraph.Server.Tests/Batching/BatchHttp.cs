using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsGraph.Server.Tests.Batching;

/// <summary>Posts raw JSON bodies (batches are JSON arrays) with optional headers and parses whatever comes back.</summary>
internal static class BatchHttp
{
    public static async Task<(HttpStatusCode Status, string? ContentType, JsonNode? Body)> PostAsync(
        HttpClient http, string json, string accept = "application/graphql-response+json", string? cost = null, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd(accept);
        if (cost is not null)
        {
            request.Headers.Add("GraphQL-Cost", cost);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>A JSON array of requests, each <c>{"query": ...}</c>.</summary>
    public static string Batch(params string[] queries) => new JsonArray([.. queries.Select(q => (JsonNode)new JsonObject { ["query"] = q })]).ToJsonString();

    public static string? Code(JsonNode? result) => result?["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

    public static string? Message(JsonNode? result) => result?["errors"]?[0]?["message"]?.GetValue<string>();
}
