using GraphQL.Types;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Security;

namespace NewsGraph.GraphQL.Data.Projection;

/// <summary>
/// The fields a selection set asks of one object type, with fragments and inline fragments that apply to it spread.
/// Directives (<c>@skip</c>, <c>@include</c>) are ignored: a field they may drop is still loaded, which is safe.
/// </summary>
internal static class SelectedFields
{
    /// <summary>Adds the fields selected on <paramref name="type"/> to <paramref name="fields"/>; false when the selection cannot be read.</summary>
    public static bool TryCollect(GraphQLSelectionSet? selectionSet, IObjectGraphType type, ISchema schema, GraphQLDocument document, List<GraphQLField> fields)
    {
        if (selectionSet is null)
        {
            return true;
        }

        // Iterative with a visited set for fragments: validation already refused cycles, but a walk never trusts that.
        var pending = new Stack<GraphQLSelectionSet>([selectionSet]);
        var spread = new HashSet<string>(StringComparer.Ordinal);
        Dictionary<string, GraphQLFragmentDefinition>? fragments = null;
        while (pending.Count > 0)
        {
            foreach (var selection in pending.Pop().Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        fields.Add(field);
                        break;
                    case GraphQLInlineFragment inline:
                        if (AppliesTo(inline.TypeCondition, type, schema))
                        {
                            pending.Push(inline.SelectionSet);
                        }

                        break;
                    case GraphQLFragmentSpread fragmentSpread:
                        string name = fragmentSpread.FragmentName.Name.StringValue;
                        if (!spread.Add(name))
                        {
                            break;
                        }

                        fragments ??= DocumentFragments.Of(document);
                        if (!fragments.TryGetValue(name, out var definition))
                        {
                            return false;
                        }

                        if (AppliesTo(definition.TypeCondition, type, schema))
                        {
                            pending.Push(definition.SelectionSet);
                        }

                        break;
                    default:
                        return false;
                }
            }
        }

        return true;
    }

    /// <summary>Only a condition on another object type certainly excludes <paramref name="type"/>; interfaces and unions are spread.</summary>
    private static bool AppliesTo(GraphQLTypeCondition? condition, IObjectGraphType type, ISchema schema)
    {
        if (condition is null)
        {
            return true;
        }

        string name = condition.Type.Name.StringValue;
        return name == type.Name || schema.AllTypes[name] is not IObjectGraphType;
    }
}
