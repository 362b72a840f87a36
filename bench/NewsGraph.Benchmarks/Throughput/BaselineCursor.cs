using System.Globalization;
using System.Text.Json;

namespace NewsGraph.Benchmarks.Throughput;

/// <summary>
/// Reads the keys out of a NewsGraph keyset cursor for the newest-first order: base64 of
/// <c>["fingerprint", "ticks:kind", "id"]</c>. The baseline accepts the very cursor a client got from NewsGraph.
/// </summary>
internal static class BaselineCursor
{
    public static bool TryDecode(string? cursor, out DateTime publishedAt, out int id)
    {
        publishedAt = default;
        id = default;
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(cursor ?? string.Empty));
            var items = document.RootElement;
            if (items.ValueKind != JsonValueKind.Array || items.GetArrayLength() != 3
                || items[1].GetString() is not { } published || items[2].GetString() is not { } rawId)
            {
                return false;
            }

            var separator = published.IndexOf(':', StringComparison.Ordinal);
            if (separator < 0
                || !long.TryParse(published.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out long ticks)
                || !int.TryParse(published.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int kind)
                || !int.TryParse(rawId, NumberStyles.None, CultureInfo.InvariantCulture, out id))
            {
                return false;
            }

            publishedAt = new DateTime(ticks, (DateTimeKind)kind);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }
}
