using System.Collections;

namespace NewsGraph.GraphQL.Mutations;

/// <summary>
/// The <c>input</c> argument of a mutation as the engine parsed it. Tells a field that was left out from a field set
/// to null, which partial updates need ("leave the summary alone" versus "remove the summary").
/// </summary>
public sealed class MutationInput(IReadOnlyDictionary<string, object?> fields)
{
    /// <summary>Whether the client sent the field (possibly as null).</summary>
    public bool IsSet(string name) => fields.ContainsKey(name);

    public string? GetString(string name) => Get(name) as string;

    public int? GetInt(string name) => Get(name) switch
    {
        null => null,
        int i => i,
        long l => checked((int)l),
        var other => Convert.ToInt32(other, System.Globalization.CultureInfo.InvariantCulture),
    };

    public bool? GetBoolean(string name) => Get(name) as bool?;

    /// <summary>A list of strings (IDs, names); null when the field is absent or null.</summary>
    public IReadOnlyList<string>? GetStrings(string name) => Get(name) switch
    {
        null => null,
        string single => [single],
        IEnumerable items => items.Cast<object?>().Select(item => item?.ToString() ?? string.Empty).ToList(),
        var other => throw new InvalidOperationException($"Input field `{name}` is a {other.GetType().Name}, not a list."),
    };

    private object? Get(string name) => fields.TryGetValue(name, out var value) ? value : null;
}
