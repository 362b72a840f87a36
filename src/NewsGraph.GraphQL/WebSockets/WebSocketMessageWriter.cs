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

    /// <summary>
    /// <c>{"type":…,"id":…,"payload":…}</c> around an already serialized payload (shared by every subscriber of the same
    /// result), copied once into a buffer rented from <see cref="ArrayPool{T}.Shared"/>: no string, no JSON writer.
    /// The caller owns <paramref name="rented"/> and returns it once the message has been sent or dropped.
    /// </summary>
    /// <param name="typeAndIdPrefix">
    /// <c>{"type":"next","id":"…",</c> — per operation, see <see cref="ResultPrefix"/>.
    /// </param>
    public static ReadOnlyMemory<byte> WriteResult(ReadOnlySpan<byte> typeAndIdPrefix, ReadOnlySpan<byte> payload, out byte[] rented)
    {
        var length = typeAndIdPrefix.Length + PayloadProperty.Length + payload.Length + 1;
        rented = ArrayPool<byte>.Shared.Rent(length);
        var span = rented.AsSpan();
        typeAndIdPrefix.CopyTo(span);
        span = span[typeAndIdPrefix.Length..];
        PayloadProperty.CopyTo(span);
        span = span[PayloadProperty.Length..];
        payload.CopyTo(span);
        span[payload.Length] = (byte)'}';
        return rented.AsMemory(0, length);
    }

    /// <summary>The constant start of an operation's result messages, escaped as JSON once per operation.</summary>
    public static byte[] ResultPrefix(string type, string id)
    {
        var buffer = new ArrayBufferWriter<byte>(32 + id.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WriteString("id", id);
            writer.Flush();
        }

        // The writer has written `{"type":"…","id":"…"`; a comma follows, then the payload property.
        var prefix = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(prefix);
        prefix[^1] = (byte)',';
        return prefix;
    }

    private static ReadOnlySpan<byte> PayloadProperty => "\"payload\":"u8;
}
