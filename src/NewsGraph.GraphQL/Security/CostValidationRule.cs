using GraphQL.Validation;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Data.Paging;

namespace NewsGraph.GraphQL.Security;

/// <summary>
/// Rejects operations whose estimated field or type cost is above the limits (Hot Chocolate's cost analysis,
/// HC0047), before anything executes. Runs once variables and arguments are parsed, so <c>first</c>/<c>last</c>,
/// filters and sort lists cost what their values cost however they were sent.
/// </summary>
public sealed class CostValidationRule : ValidationRuleBase
{
    /// <summary>The key under which the computed cost is left in <see cref="ValidationContext.UserContext"/>.</summary>
    public const string UserContextKey = "NewsGraph.OperationCost";

    /// <summary>
    /// Present in <see cref="ValidationContext.UserContext"/> for a <c>GraphQL-Cost: validate</c> request: the cost is
    /// computed and reported, not enforced, as Hot Chocolate does (nothing runs). A document too costly to analyse is still refused.
    /// </summary>
    public const string ValidateOnlyKey = "NewsGraph.CostValidateOnly";

    /// <summary>Where a batch leaves its <see cref="BatchCostAllowance"/> for the operation about to be validated.</summary>
    public const string BatchAllowanceKey = "NewsGraph.BatchCostAllowance";

    private readonly PagingOptions _paging;

    public CostValidationRule(double? maxFieldCost, double? maxTypeCost, PagingOptions? paging = null)
    {
        MaxFieldCost = maxFieldCost;
        MaxTypeCost = maxTypeCost;
        _paging = paging ?? new PagingOptions();
    }

    public double? MaxFieldCost { get; }

    public double? MaxTypeCost { get; }

    // Costed when the post-parse walk leaves the document, after the other rules' visitors (the input limits) had
    // their say: a request they refused needs no estimate.
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Operation is null ? default : new(new MatchingNodeVisitor<GraphQLDocument>(leave: (_, validation) => Check(validation)));
    }

    private void Check(ValidationContext context)
    {
        if (context.Operation is not { } operation || context.HasErrors)
        {
            return;
        }

        OperationCost cost;
        try
        {
            cost = new OperationCostCalculator(context.Schema, context.Document, context.ArgumentValues, _paging).Calculate(operation);
        }
        catch (Exception exception) when (exception is AnalysisBudgetExceededException or InsufficientExecutionStackException)
        {
            // Only a pathological document gets here; it is too expensive by any measure.
            cost = new OperationCost(double.PositiveInfinity, double.PositiveInfinity);
        }

        context.UserContext[UserContextKey] = cost;
        if (context.UserContext.ContainsKey(ValidateOnlyKey) && double.IsFinite(cost.FieldCost) && double.IsFinite(cost.TypeCost))
        {
            return;
        }

        if (MaxFieldCost is { } maxField && cost.FieldCost > maxField)
        {
            context.ReportError(CostExceededError.FieldCost(context.Document.Source, operation, cost.FieldCost, maxField));
        }
        else if (MaxTypeCost is { } maxType && cost.TypeCost > maxType)
        {
            context.ReportError(CostExceededError.TypeCost(context.Document.Source, operation, cost.TypeCost, maxType));
        }
        else if (context.UserContext.TryGetValue(BatchAllowanceKey, out var value) && value is BatchCostAllowance batch)
        {
            if (batch.MaxFieldCost is { } batchField && batch.SpentFieldCost + cost.FieldCost > batchField)
            {
                context.ReportError(BatchCostExceededError.Of(context.Document.Source, operation, "field", cost.FieldCost, batch.SpentFieldCost, batchField));
            }
            else if (batch.MaxTypeCost is { } batchType && batch.SpentTypeCost + cost.TypeCost > batchType)
            {
                context.ReportError(BatchCostExceededError.Of(context.Document.Source, operation, "type", cost.TypeCost, batch.SpentTypeCost, batchType));
            }
        }
    }
}
