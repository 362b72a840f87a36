using System.Globalization;
using GraphQL;

namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>Reads Apollo's <c>extensions.persistedQuery: { version, sha256Hash }</c>.</summary>
public static class AutomaticPersistedQueryExtension
{
    public const string Name = "persistedQuery";

    /// <summary>Whether the request carries the APQ extension at all (used to accept requests without a query).</summary>
    public static bool IsPresent(Inputs? extensions)
        => extensions is not null && extensions.TryGetValue(Name, out var value) && value is not null;

    /// <summary>The version and hash, or false when the extension is absent or malformed.</summary>
    public static bool TryRead(Inputs? extensions, out long version, out string hash)
    {
        version = 0;
        hash = string.Empty;
        if (extensions is null || !extensions.TryGetValue(Name, out var value) || value is not IDictionary<string, object?> persistedQuery)
        {
            return false;
        }

        if (persistedQuery.TryGetValue("version", out var v) && v is IConvertible convertible)
        {
            try
            {
                version = convertible.ToInt64(CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
            {
                return false;
            }
        }

        if (persistedQuery.TryGetValue("sha256Hash", out var h) && h is string text && text.Length > 0)
        {
            hash = text;
            return true;
        }

        return false;
    }
}
