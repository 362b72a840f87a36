using System.Runtime.CompilerServices;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Security;

/// <summary>
/// Rejects documents with more than <see cref="MaxAliases"/> aliases. Aliases let one small query ask for the
/// same expensive field thousands of times side by side, which neither depth nor nesting limits catch.
/// Counted over the whole document, as written (a fragment spread twice counts once).
/// </summary>
public sealed class MaxAliasesValidationRule : ValidationRuleBase
{
    public MaxAliasesValidationRule(int maxAliases)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxAliases);
        MaxAliases = maxAliases;
    }

    public int MaxAliases { get; }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var count = 0;
        foreach (var definition in context.Document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    count += Count(operation.SelectionSet);
                    break;
                case GraphQLFragmentDefinition fragment:
                    count += Count(fragment.SelectionSet);
                    break;
            }
        }

        if (count > MaxAliases)
        {
            context.ReportError(new MaxAliasesError(context.Document.Source, context.Document, count, MaxAliases));
        }

        return default;
    }

    // Recursion follows the document's nesting only, which the parser's depth limit bounds.
    private static int Count(GraphQLSelectionSet? selectionSet)
    {
        if (selectionSet is null)
        {
            return 0;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        var count = 0;
        foreach (var selection in selectionSet.Selections)
        {
            count += selection switch
            {
                GraphQLField field => (field.Alias is null ? 0 : 1) + Count(field.SelectionSet),
                GraphQLInlineFragment inline => Count(inline.SelectionSet),
                _ => 0,
            };
        }

        return count;
    }
}
