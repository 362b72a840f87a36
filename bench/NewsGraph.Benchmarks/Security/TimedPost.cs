using System.Diagnostics;
using System.Text.Json.Nodes;
using NewsGraph.Benchmarks.Infrastructure;

namespace NewsGraph.Benchmarks.Security;

/// <summary>One POST of a raw GraphQL request body, timed until the whole answer was read.</summary>
internal static class TimedPost
{
    /// <returns>The answer as "status code" (null when the connection failed) and the time until the whole answer was read.</returns>
    public static async Task<(string? Answer, double Milliseconds)> SendAsync(HttpClient http, Uri endpoint, byte[] body, CancellationToken ct)
    {
        using var request = GraphQLPost.Create(endpoint, body);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            stopwatch.Stop();
            return ($"{(int)response.StatusCode} {FirstErrorCode(text) ?? "data"}", stopwatch.Elapsed.TotalMilliseconds);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (null, stopwatch.Elapsed.TotalMilliseconds);
        }
    }

    private static string? FirstErrorCode(string text)
    {
        try
        {
            return JsonNode.Parse(text)?["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
        }
        catch (System.Text.Json.JsonException)
        {
            return "(not JSON)";
        }
    }
}
