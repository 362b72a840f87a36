namespace NewsGraph.GraphQL.Threading;

/// <summary>Raises a shared counter to a value without a lock (the <see cref="Interlocked"/> maximum .NET does not have).</summary>
internal static class InterlockedMaximum
{
    /// <summary>Sets <paramref name="location"/> to <paramref name="value"/> if that is larger; never lowers it.</summary>
    public static void Raise(ref int location, int value)
    {
        var current = Volatile.Read(ref location);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
