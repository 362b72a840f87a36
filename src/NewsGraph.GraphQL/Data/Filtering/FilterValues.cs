using System.Collections;
using GraphQL;

namespace NewsGraph.GraphQL.Data.Filtering;

/// <summary>Reads GraphQL.NET's parsed input values (dictionaries and lists).</summary>
internal static class FilterValues
{
    public static IDictionary<string, object?>? AsObject(object? value) => value switch
    {
        null => null,
        IDictionary<string, object?> dictionary => dictionary,
        _ => throw new ExecutionError("A filter object was expected.") { Code = FilterErrorCodes.InvalidValue },
    };

    public static List<object?> AsList(object? value) => value switch
    {
        null => [],
        string => [value],
        IEnumerable items => items.Cast<object?>().ToList(),
        _ => [value],
    };

    public static ExecutionError NullNotAllowed(string operation) =>
        new($"The filter operation `{operation}` does not accept null.") { Code = FilterErrorCodes.NullNotAllowed };
}
