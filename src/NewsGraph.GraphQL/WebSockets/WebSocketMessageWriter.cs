using System.Buffers;
using System.Text.Json;

namespace NewsGraph.GraphQL.WebSockets;

/// <summary>Builds the server's messages as UTF-8 JSON: <c>{"type":…,"id":…,"payload":…}</c>.</summary>
internal static class WebSocketMessageWriter
{
    /// <param name="rawPayload">Payload JSON written as is (an execution result serialized by the GraphQL serializer), or null for none.</param>
    public static ReadOnlyMemory<byte> Write(string type, string? id = null, string? rawPayload = null)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + (rawPayload?.Length ?? 0));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            if (rawPayload is not null)
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(rawPayload, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}
