using System.Globalization;

namespace NewsGraph.GraphQL.Redis;

/// <summary>Redis stream entry ids (<c>milliseconds-sequence</c>) in stream order.</summary>
internal static class StreamIds
{
    /// <summary>
    /// Negative, zero or positive as <paramref name="left"/> comes before, is, or comes after <paramref name="right"/>;
    /// zero when either is not an entry id.
    /// </summary>
    public static int Compare(string left, string right)
    {
        if (!TryParse(left, out var l) || !TryParse(right, out var r))
        {
            return 0;
        }

        return l.Milliseconds != r.Milliseconds ? l.Milliseconds.CompareTo(r.Milliseconds) : l.Sequence.CompareTo(r.Sequence);
    }

    private static bool TryParse(string id, out (ulong Milliseconds, ulong Sequence) parsed)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        ulong sequence = 0;
        if (ulong.TryParse(dash < 0 ? id : id[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            && (dash < 0 || ulong.TryParse(id[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out sequence)))
        {
            parsed = (milliseconds, sequence);
            return true;
        }

        parsed = default;
        return false;
    }
}
