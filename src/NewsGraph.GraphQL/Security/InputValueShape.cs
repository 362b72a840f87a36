using System.Collections;

namespace NewsGraph.GraphQL.Security;

/// <summary>
/// What a parsed <c>where</c> or <c>order</c> value (GraphQL.NET's dictionaries and lists, variables already
/// substituted) asks of the server: how deep it nests, how many fields it has, its longest value list. Measured
/// with an explicit stack, so a hostile value cannot make the measuring itself recurse deeply.
/// </summary>
internal readonly record struct InputValueShape(int Depth, int Fields, int LongestList, int ListValues, int Operations, int MatchOperations)
{
    // The string operations that cannot use an index (Hot Chocolate weighs them double).
    private static readonly HashSet<string> MatchOperationNames = new(StringComparer.Ordinal)
    {
        "contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith",
    };

    /// <summary>
    /// A filter: every field of every object counts, and every element of an <c>and</c>/<c>or</c> list once more;
    /// a field whose value is a list of scalars (<c>in</c>, <c>nin</c>) is one operation over that many values.
    /// </summary>
    public static InputValueShape OfFilter(object? value)
    {
        int depth = 0, fields = 0, longestList = 0, listValues = 0, operations = 0, matchOperations = 0;
        var pending = new Stack<(IDictionary<string, object?> Object, int Depth)>();
        if (value is IDictionary<string, object?> root)
        {
            pending.Push((root, 1));
        }

        while (pending.TryPop(out var current))
        {
            depth = Math.Max(depth, current.Depth);
            foreach (var (name, fieldValue) in current.Object)
            {
                fields++;
                switch (fieldValue)
                {
                    case IDictionary<string, object?> nested:
                        pending.Push((nested, current.Depth + 1));
                        break;
                    case IEnumerable list and not string:
                        var scalars = 0;
                        foreach (var item in list)
                        {
                            if (item is IDictionary<string, object?> element)
                            {
                                fields++;
                                pending.Push((element, current.Depth + 1));
                            }
                            else
                            {
                                scalars++;
                            }
                        }

                        if (scalars > 0)
                        {
                            operations++;
                            listValues += scalars;
                            longestList = Math.Max(longestList, scalars);
                        }

                        break;
                    default:
                        operations++;
                        if (MatchOperationNames.Contains(name))
                        {
                            matchOperations++;
                        }

                        break;
                }
            }
        }

        return new InputValueShape(depth, fields, longestList, listValues, operations, matchOperations);
    }

    /// <summary>
    /// A sort list: the number of sort fields over all elements (nested objects' fields included), where every
    /// element counts at least once, so a list of empty objects is no cheaper than a list of keys.
    /// </summary>
    public static int SortFieldCount(object? value)
    {
        IEnumerable elements = value switch
        {
            null => Array.Empty<object>(),
            IDictionary<string, object?> single => new[] { single },
            IEnumerable list and not string => list,
            _ => Array.Empty<object>(),
        };

        var count = 0;
        var pending = new Stack<IDictionary<string, object?>>();
        foreach (var element in elements)
        {
            var keys = 0;
            if (element is IDictionary<string, object?> root)
            {
                pending.Push(root);
            }

            while (pending.TryPop(out var current))
            {
                foreach (var (_, fieldValue) in current)
                {
                    if (fieldValue is IDictionary<string, object?> nested)
                    {
                        pending.Push(nested);
                    }
                    else
                    {
                        keys++;
                    }
                }
            }

            count += Math.Max(1, keys);
        }

        return count;
    }
}
