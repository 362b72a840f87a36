using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsGraph.GraphQL.Redis;

/// <summary>
/// What one stream entry carries, as JSON in its field <c>envelope</c>:
/// <c>{"id": "unique id", "sentAt": "2025-01-01T12:00:00Z", "body": { ...the message... }}</c>.
/// Only <c>body</c> is required. <c>id</c> lets a sender retry without the entry being delivered twice.
/// </summary>
public sealed class RedisEventEnvelope
{
    /// <summary>The stream entry field that holds the envelope.</summary>
    public const string FieldName = "envelope";

    /// <summary>camelCase, case-insensitive on reading: what a script or another language writes naturally.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("sentAt")]
    public DateTimeOffset? SentAt { get; set; }

    [JsonPropertyName("body")]
    public JsonElement Body { get; set; }
}
