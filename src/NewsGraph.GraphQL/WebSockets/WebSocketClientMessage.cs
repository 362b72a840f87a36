using System.Text.Json;

namespace NewsGraph.GraphQL.WebSockets;

/// <summary>
/// A message from the client, checked only for what both protocols share: a JSON object with a string <c>type</c>.
/// Each protocol validates <c>id</c> and <c>payload</c> for its own message types.
/// </summary>
internal sealed class WebSocketClientMessage
{
    private WebSocketClientMessage(string type, JsonElement? id, JsonElement? payload)
    {
        Type = type;
        Id = id;
        Payload = payload;
    }

    public string Type { get; }

    /// <summary>The raw <c>id</c> member, when present.</summary>
    public JsonElement? Id { get; }

    /// <summary>The raw <c>payload</c> member, when present (may be JSON null).</summary>
    public JsonElement? Payload { get; }

    /// <summary>The id when it is a non-empty string.</summary>
    public string? ValidId => Id is { ValueKind: JsonValueKind.String } id && id.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>True when the payload is absent, null or an object (what init, ping and pong allow).</summary>
    public bool HasOptionalObjectPayload => Payload is null || Payload.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Object;

    public static bool TryParse(ReadOnlyMemory<byte> utf8, out WebSocketClientMessage? message)
    {
        message = null;
        try
        {
            using var document = JsonDocument.Parse(utf8);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type)
                || type.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            // Cloned so the elements outlive the pooled document.
            message = new WebSocketClientMessage(
                type.GetString()!,
                root.TryGetProperty("id", out var id) ? id.Clone() : null,
                root.TryGetProperty("payload", out var payload) ? payload.Clone() : null);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
