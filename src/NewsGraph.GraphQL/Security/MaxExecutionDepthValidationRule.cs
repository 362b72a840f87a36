using System.Runtime.CompilerServices;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Security;

/// <summary>
/// Rejects operations whose fields nest deeper than <see cref="MaxDepth"/> (root fields are depth 1), following
/// fragment spreads. Like Hot Chocolate's <c>AddMaxExecutionDepthRule</c>; fragment cycles count as no depth
/// (the core rule <c>NoFragmentCycles</c> reports them) so a cycle cannot make this rule loop.
/// </summary>
public sealed class MaxExecutionDepthValidationRule : ValidationRuleBase
{
    public MaxExecutionDepthValidationRule(int maxDepth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDepth);
        MaxDepth = maxDepth;
    }

    public int MaxDepth { get; }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Operation is { } operation)
        {
            var walker = new Walker(DocumentFragments.Of(context.Document));
            int depth;
            try
            {
                depth = walker.Depth(operation.SelectionSet);
            }
            catch (InsufficientExecutionStackException)
            {
                // A fragment chain so long that following it would exhaust the stack is certainly too deep.
                depth = int.MaxValue;
            }

            if (depth > MaxDepth)
            {
                context.ReportError(new MaxExecutionDepthError(context.Document.Source, operation, depth, MaxDepth));
            }
        }

        return default;
    }

    private sealed class Walker(Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        private readonly Dictionary<string, int> _fragmentDepths = new(StringComparer.Ordinal);
        private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

        public int Depth(GraphQLSelectionSet? selectionSet)
        {
            if (selectionSet is null)
            {
                return 0;
            }

            RuntimeHelpers.EnsureSufficientExecutionStack();
            var max = 0;
            foreach (var selection in selectionSet.Selections)
            {
                var depth = selection switch
                {
                    GraphQLField field => 1 + Depth(field.SelectionSet),
                    GraphQLInlineFragment inline => Depth(inline.SelectionSet),
                    GraphQLFragmentSpread spread => FragmentDepth(spread.FragmentName.Name.StringValue),
                    _ => 0,
                };
                max = Math.Max(max, depth);
            }

            return max;
        }

        private int FragmentDepth(string name)
        {
            if (_fragmentDepths.TryGetValue(name, out var known))
            {
                return known;
            }

            if (!fragments.TryGetValue(name, out var fragment) || !_inProgress.Add(name))
            {
                return 0;
            }

            var depth = Depth(fragment.SelectionSet);
            _inProgress.Remove(name);
            _fragmentDepths[name] = depth;
            return depth;
        }
    }
}
