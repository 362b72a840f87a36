using GraphQL.Validation;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Security;

namespace NewsGraph.GraphQL.Http.Batching;

/// <summary>
/// The cost one batch may spend in all (<see cref="GraphQLLimitsOptions.MaxBatchFieldCost"/>, <see cref="GraphQLLimitsOptions.MaxBatchTypeCost"/>):
/// each operation that runs spends its cost, and one that would overspend is refused before it runs.
/// </summary>
internal sealed class BatchCostBudget(double? maxFieldCost, double? maxTypeCost)
{
    private double _spentFieldCost;
    private double _spentTypeCost;

    public bool IsLimited => maxFieldCost is not null || maxTypeCost is not null;

    /// <summary>A rule that refuses the next operation if its cost does not fit in what is left.</summary>
    public IValidationRule CreateRule() => new Rule(maxFieldCost, maxTypeCost, _spentFieldCost, _spentTypeCost);

    public void Spend(OperationCost cost)
    {
        _spentFieldCost += cost.FieldCost;
        _spentTypeCost += cost.TypeCost;
    }

    /// <summary>
    /// Runs after the limits' own cost rule (transport rules follow the limits' rules), which leaves the operation's cost
    /// in the user context; an operation the limits already refused is not looked at.
    /// </summary>
    private sealed class Rule(double? maxFieldCost, double? maxTypeCost, double spentFieldCost, double spentTypeCost) : ValidationRuleBase
    {
        public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
            => new(new MatchingNodeVisitor<GraphQLDocument>(leave: (_, validation) => Check(validation)));

        private void Check(ValidationContext context)
        {
            if (context.HasErrors || context.Operation is not { } operation
                || !context.UserContext.TryGetValue(CostValidationRule.UserContextKey, out var value) || value is not OperationCost cost)
            {
                return;
            }

            if (maxFieldCost is { } maxField && spentFieldCost + cost.FieldCost > maxField)
            {
                context.ReportError(BatchCostExceededError.Of(context.Document.Source, operation, "field", cost.FieldCost, spentFieldCost, maxField));
            }
            else if (maxTypeCost is { } maxType && spentTypeCost + cost.TypeCost > maxType)
            {
                context.ReportError(BatchCostExceededError.Of(context.Document.Source, operation, "type", cost.TypeCost, spentTypeCost, maxType));
            }
        }
    }
}
