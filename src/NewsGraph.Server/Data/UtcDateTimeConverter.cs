using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NewsGraph.Server.Data;

/// <summary>
/// SQLite stores DateTime as text without a zone, so values come back with Kind=Unspecified.
/// Normalise to UTC on the way in and stamp Kind=Utc on the way out.
/// </summary>
public sealed class UtcDateTimeConverter : ValueConverter<DateTime, DateTime>
{
    public UtcDateTimeConverter()
        : base(value => ToUtc(value), value => DateTime.SpecifyKind(value, DateTimeKind.Utc))
    {
    }

    // Unspecified is taken to already be UTC: the whole application works in UTC.
    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}
