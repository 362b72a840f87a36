using System.Runtime.CompilerServices;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Security;

/// <summary>
/// How deep an operation's fields nest and how many field selections it has once every fragment is spread in, as
/// execution will see it. Each fragment is measured once and the result reused, so the work is proportional to the
/// document, not to its expansion: 24 fragments that each spread the previous one twice measure 2^24 selections in
/// 24 steps. Fragment cycles count as nothing (the core rule <c>NoFragmentCycles</c> reports them).
/// </summary>
internal readonly record struct OperationShape(int Depth, double FieldSelections)
{
    public static OperationShape Of(GraphQLOperationDefinition operation, GraphQLDocument document)
        => new Walker(DocumentFragments.Of(document)).Measure(operation.SelectionSet);

    private sealed class Walker(Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        private readonly Dictionary<string, OperationShape> _measured = new(StringComparer.Ordinal);
        private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

        public OperationShape Measure(GraphQLSelectionSet? selectionSet)
        {
            if (selectionSet is null)
            {
                return default;
            }

            RuntimeHelpers.EnsureSufficientExecutionStack();
            int depth = 0;
            double selections = 0;
            foreach (var selection in selectionSet.Selections)
            {
                var shape = selection switch
                {
                    GraphQLField field => Measure(field.SelectionSet) is var children
                        ? new OperationShape(1 + children.Depth, 1 + children.FieldSelections)
                        : default,
                    GraphQLInlineFragment inline => Measure(inline.SelectionSet),
                    GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue),
                    _ => default,
                };
                depth = Math.Max(depth, shape.Depth);
                selections += shape.FieldSelections;
            }

            return new OperationShape(depth, selections);
        }

        private OperationShape Fragment(string name)
        {
            if (_measured.TryGetValue(name, out var known))
            {
                return known;
            }

            if (!fragments.TryGetValue(name, out var fragment) || !_inProgress.Add(name))
            {
                return default;
            }

            var shape = Measure(fragment.SelectionSet);
            _inProgress.Remove(name);
            _measured[name] = shape;
            return shape;
        }
    }
}
