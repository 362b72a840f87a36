using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphQL;
using NewsGraph.GraphQL.Data.Sorting;

namespace NewsGraph.GraphQL.Data.Paging;

/// <summary>
/// Opaque keyset cursors: base64 of a JSON array <c>[fingerprint, key1, key2, …]</c>. The fingerprint hashes
/// the entity type and the ordering (key names and directions), so a cursor from another field or ordering
/// is rejected instead of silently paging from a wrong position. DateTime keeps ticks and Kind exactly.
/// </summary>
internal sealed class KeysetCursor<T>
{
    private readonly Type[] _keyTypes;
    private readonly string _fingerprint;

    public KeysetCursor(IReadOnlyList<SortKey<T>> order)
    {
        _keyTypes = order.Select(key => key.Selector.ReturnType).ToArray();
        var signature = typeof(T).FullName + "|" + string.Join(",", order.Select(key =>
            key.Name + (key.Direction == SortDirection.Ascending ? "+" : "-")));
        _fingerprint = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(signature)), 0, 6);
    }

    public string Encode(IReadOnlyList<object?> values)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(_fingerprint);
            foreach (var value in values)
            {
                WriteValue(writer, value);
            }

            writer.WriteEndArray();
        }

        return Convert.ToBase64String(buffer.WrittenSpan);
    }

    public object?[] Decode(string cursor)
    {
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(cursor));
            var items = document.RootElement;
            if (items.ValueKind != JsonValueKind.Array || items.GetArrayLength() != _keyTypes.Length + 1
                || items[0].ValueKind != JsonValueKind.String || items[0].GetString() != _fingerprint)
            {
                throw InvalidCursor(cursor);
            }

            var values = new object?[_keyTypes.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = ReadValue(items[i + 1], _keyTypes[i]);
            }

            return values;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException
            or InvalidCastException or OverflowException or ArgumentException or KeyNotFoundException)
        {
            throw InvalidCursor(cursor);
        }
    }

    private static ExecutionError InvalidCursor(string cursor) =>
        new($"The cursor `{cursor}` is not valid for this field and ordering.") { Code = PagingErrorCodes.InvalidCursor };

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case DateTime dateTime:
                writer.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"{dateTime.Ticks}:{(int)dateTime.Kind}"));
                break;
            case DateTimeOffset offset:
                writer.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"{offset.Ticks}:{offset.Offset.Ticks}"));
                break;
            case Enum:
                writer.WriteStringValue(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case IFormattable formattable:
                // Round-trip formats keep doubles exact; everything is a string so nothing goes through a JSON double.
                writer.WriteStringValue(formattable.ToString(value is double or float ? "R" : null, CultureInfo.InvariantCulture));
                break;
            default:
                throw new NotSupportedException($"Keyset paging does not support sort keys of type {value.GetType()}.");
        }
    }

    private static object? ReadValue(JsonElement element, Type declaredType)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return declaredType.IsValueType && Nullable.GetUnderlyingType(declaredType) is null
                ? throw new FormatException("null for a non-nullable key")
                : null;
        }

        var type = Nullable.GetUnderlyingType(declaredType) ?? declaredType;
        if (type == typeof(bool))
        {
            return element.GetBoolean();
        }

        var text = element.GetString() ?? throw new FormatException("missing value");
        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(DateTime))
        {
            var (ticks, kind) = SplitPair(text);
            return new DateTime(ticks, (DateTimeKind)checked((int)kind));
        }

        if (type == typeof(DateTimeOffset))
        {
            var (ticks, offset) = SplitPair(text);
            return new DateTimeOffset(ticks, TimeSpan.FromTicks(offset));
        }

        if (type.IsEnum)
        {
            return Enum.ToObject(type, long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        if (type == typeof(Guid))
        {
            return Guid.Parse(text);
        }

        return Convert.ChangeType(text, type, CultureInfo.InvariantCulture);
    }

    private static (long First, long Second) SplitPair(string text)
    {
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        if (separator < 0)
        {
            throw new FormatException("malformed pair");
        }

        return (long.Parse(text.AsSpan(0, separator), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            long.Parse(text.AsSpan(separator + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }
}
