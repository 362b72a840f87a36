using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsGraph.Benchmarks.Throughput;

/// <summary>Whether two answers are the same JSON document: same values, same field order (escaping aside).</summary>
internal static class AnswerComparison
{
    private static readonly JsonSerializerOptions Canonical = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Canonicalize(byte[] answer)
    {
        try
        {
            return JsonNode.Parse(answer)?.ToJsonString(Canonical) ?? "null";
        }
        catch (JsonException)
        {
            return "(not JSON) " + System.Text.Encoding.UTF8.GetString(answer);
        }
    }
}
