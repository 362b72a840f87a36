using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NewsGraph.Server.Data;

/// <summary>
/// Every timestamp is stored as UTC with whole milliseconds, whatever the provider. SQLite stores DateTime as text
/// without a zone (values come back with Kind=Unspecified) and keeps 100 ns ticks; PostgreSQL keeps microseconds and
/// accepts only Kind=Utc for <c>timestamp with time zone</c>. Milliseconds are what the API shows (the DateTime
/// scalar) and what cursors and filters compare, so both databases hold, order and page by the same values.
/// </summary>
public sealed class UtcDateTimeConverter : ValueConverter<DateTime, DateTime>
{
    public UtcDateTimeConverter()
        : base(value => ToStored(value), value => DateTime.SpecifyKind(value, DateTimeKind.Utc))
    {
    }

    // Unspecified is taken to already be UTC: the whole application works in UTC.
    private static DateTime ToStored(DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        };
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
